using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>Log messages of the OpenAI-compatible endpoints, with stable event ids (2400-2449).</summary>
internal static partial class OpenAiLog
{
    [LoggerMessage(2400, LogLevel.Warning, "OpenAI request to {Path} refused: {Code}: {Message}")]
    public static partial void Refused(ILogger logger, string path, string code, string message);

    [LoggerMessage(2401, LogLevel.Error, "Unexpected error while handling {Path}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(2402, LogLevel.Debug, "OpenAI {Endpoint} request: task {TaskId} on {Model}, stream {Stream}")]
    public static partial void Submitted(ILogger logger, string endpoint, string taskId, string model, bool stream);
}
