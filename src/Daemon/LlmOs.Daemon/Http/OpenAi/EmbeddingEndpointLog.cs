using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>The embeddings endpoint's log messages, with stable event ids (2200-2249).</summary>
internal static partial class EmbeddingEndpointLog
{
    [LoggerMessage(2200, LogLevel.Warning, "Embeddings request refused: {Code}: {Message}")]
    public static partial void Refused(ILogger logger, string code, string message);

    [LoggerMessage(2201, LogLevel.Error, "Unexpected error while handling /v1/embeddings")]
    public static partial void Failed(ILogger logger, Exception exception);
}
