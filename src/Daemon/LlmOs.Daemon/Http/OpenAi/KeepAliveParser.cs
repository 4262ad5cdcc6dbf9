using System.Buffers;
using System.Globalization;
using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// Reads Ollama's <c>keep_alive</c>: seconds (<c>300</c>, <c>"300"</c>) or a Go-style duration (<c>"5m"</c>, <c>"1h30m"</c>,
/// <c>"500ms"</c>); <c>0</c> unloads the model after the request, any negative value keeps it loaded.
/// Hand-written: .NET parses ISO 8601 and "hh:mm:ss" durations, not Go's, which is what Ollama users write.
/// </summary>
internal static class KeepAliveParser
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(365);
    private static readonly SearchValues<char> Number = SearchValues.Create("0123456789.");

    /// <summary>The keep-alive, <see cref="Timeout.InfiniteTimeSpan"/> to keep the model, or null when none was given.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return FromSeconds(seconds);
        }

        bool negative = span.StartsWith("-");
        span = span.TrimStart("+-");
        if (span.IsEmpty)
        {
            throw Invalid();
        }

        double total = 0;
        while (!span.IsEmpty)
        {
            int digits = span.IndexOfAnyExcept(Number);
            if (digits <= 0 || !double.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
            {
                throw Invalid();
            }

            span = span[digits..];
            int unitLength = span.IndexOfAny(Number);
            var unit = unitLength < 0 ? span : span[..unitLength];
            span = span[unit.Length..];
            total += value * unit switch
            {
                "h" => 3600,
                "m" => 60,
                "s" => 1,
                "ms" => 1e-3,
                "us" or "µs" or "μs" => 1e-6,
                "ns" => 1e-9,
                _ => throw Invalid(),
            };
        }

        return FromSeconds(negative ? -total : total);
    }

    private static TimeSpan FromSeconds(double seconds) =>
        double.IsNaN(seconds) || double.IsInfinity(seconds) ? throw Invalid()
        : seconds < 0 ? Timeout.InfiniteTimeSpan
        : seconds > Longest.TotalSeconds ? throw Invalid()
        : TimeSpan.FromSeconds(seconds);

    private static EngineException Invalid() => new(
        ErrorKind.InvalidInput,
        "'keep_alive' must be seconds (300) or a duration such as \"5m\" or \"1h30m\", at most a year; 0 unloads the model after the request, -1 keeps it loaded",
        "keep_alive");
}
