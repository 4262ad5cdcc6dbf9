using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>The semantic recogniser's log messages, with stable event ids (2520-2529).</summary>
internal static partial class SemanticLog
{
    [LoggerMessage(2520, LogLevel.Warning, "The semantic intent recogniser is off: no embedding model can be used ({Reason}); utterances go on to the language model")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(2521, LogLevel.Information, "Embedded {Count} intent example(s) for the semantic recogniser in {Milliseconds:F0} ms ({Cached} cached)")]
    public static partial void ExamplesEmbedded(ILogger logger, int count, int cached, double milliseconds);

    [LoggerMessage(2522, LogLevel.Warning, "The semantic intent recogniser could not embed ({Kind}: {Reason}); it gives no candidates this time")]
    public static partial void EmbeddingFailed(ILogger logger, string kind, string reason);

    [LoggerMessage(2523, LogLevel.Information, "The semantic intent recogniser is available again")]
    public static partial void Available(ILogger logger);

    [LoggerMessage(2524, LogLevel.Warning, "The semantic intent recogniser failed ({Kind}: {Reason}); it gives no candidates this time")]
    public static partial void Failed(ILogger logger, string kind, string reason, Exception exception);

    [LoggerMessage(2525, LogLevel.Warning, "{Left} of {Total} app intent examples of a catalog are left out of the semantic recogniser: it takes at most {Cap}, the oldest registrations' first")]
    public static partial void AppExamplesCapped(ILogger logger, int left, int total, int cap);
}
