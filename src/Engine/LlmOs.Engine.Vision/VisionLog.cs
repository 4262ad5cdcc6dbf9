using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Vision;

/// <summary>The vision backend's log messages, with stable event ids (1500-1529).</summary>
internal static partial class VisionLog
{
    [LoggerMessage(1500, LogLevel.Information,
        "Vision model {Model} loaded on {Provider} ({Threads} intra-op thread(s)): {Classes} classes, input {Width}x{Height} from a shorter side of {Resize}, " +
        "mean {Mean}, std {Std}, {ChannelOrder}, batch {Batch}, {Milliseconds:F0} ms")]
    public static partial void ModelLoaded(
        ILogger logger, string model, string provider, int threads, int classes, int width, int height, int resize,
        string mean, string std, string channelOrder, string batch, double milliseconds);

    [LoggerMessage(1501, LogLevel.Warning, "ONNX Runtime lists the CUDA execution provider but it could not be used for {Model} ({Reason}); running on the CPU")]
    public static partial void CudaUnusable(ILogger logger, string model, string reason);

    [LoggerMessage(1502, LogLevel.Debug, "Execution providers ONNX Runtime offers: {Providers}")]
    public static partial void ProvidersAvailable(ILogger logger, string providers);

    [LoggerMessage(1503, LogLevel.Warning, "Vision model {Model} could not be loaded: {Reason}")]
    public static partial void LoadFailed(ILogger logger, string model, string reason);
}
