using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Onnx;

/// <summary>The ONNX backend's log messages, with stable event ids (1210-1219, within the embedding range 1200-1249).</summary>
internal static partial class OnnxLog
{
    [LoggerMessage(1210, LogLevel.Debug, "MiniLM session created: {Threads} intra-op thread(s), {ModelBytes} model bytes, {Milliseconds:F0} ms")]
    public static partial void SessionCreated(ILogger logger, int threads, long modelBytes, double milliseconds);

    [LoggerMessage(1211, LogLevel.Warning, "The built-in embedding model is unavailable: {Reason}")]
    public static partial void BuiltinUnavailable(ILogger logger, string reason);
}
