using System.Globalization;
using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Reads a <c>keep_alive</c> the way Ollama's clients send it: a number of seconds, or a string with a unit
/// ("30s", "10m", "1h", "1h30m"); 0 unloads the model after the request, any negative value keeps it loaded.
/// </summary>
internal static class KeepAliveValue
{
    public static TimeSpan? Parse(JsonElement? value, string field)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < 1e9)
        {
            return seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
        }

        if (element.ValueKind == JsonValueKind.String && ParseText(element.GetString()!) is { } parsed)
        {
            return parsed;
        }

        throw new EngineException(ErrorKind.InvalidInput, "'keep_alive' must be seconds (a number) or a duration like \"10m\"; -1 keeps the model loaded", field);
    }

    private static TimeSpan? ParseText(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain))
        {
            return plain < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Math.Min(plain, 1e9));
        }

        if (text.StartsWith('-'))
        {
            return ParseText(text[1..]) is null ? null : Timeout.InfiniteTimeSpan;
        }

        var total = TimeSpan.Zero;
        int at = 0;
        while (at < text.Length)
        {
            int start = at;
            while (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] == '.'))
            {
                at++;
            }

            if (at == start || at == text.Length || !double.TryParse(text.AsSpan(start, at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double amount))
            {
                return null;
            }

            double unit = text[at++] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => double.NaN };
            if (double.IsNaN(unit) || amount * unit > 1e9)
            {
                return null;
            }

            total += TimeSpan.FromSeconds(amount * unit);
        }

        return total;
    }
}
