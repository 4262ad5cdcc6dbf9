using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>The log messages of the vision and OCR workers and the image skills, with stable event ids (1450-1499).</summary>
internal static partial class VisionLog
{
    [LoggerMessage(1450, LogLevel.Information, "Image classifier {Model} loaded in {Milliseconds:F0} ms ({Mib} MiB)")]
    public static partial void ModelLoaded(ILogger logger, string model, double milliseconds, long mib);

    [LoggerMessage(1451, LogLevel.Error, "Image classifier {Model} failed to load")]
    public static partial void ModelLoadFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(1452, LogLevel.Error, "Classify task {TaskId} on model {Model} failed")]
    public static partial void TaskFailed(ILogger logger, Exception exception, string taskId, string model);

    [LoggerMessage(1453, LogLevel.Debug, "Classified {Images} image(s) on {Model} in one batch, {Milliseconds:F1} ms")]
    public static partial void Batched(ILogger logger, int images, string model, double milliseconds);

    [LoggerMessage(1454, LogLevel.Information, "A batch of {Tasks} classify tasks on {Model} failed ({Reason}); running them one by one so only the one at fault fails")]
    public static partial void BatchSplit(ILogger logger, int tasks, string model, string reason);

    [LoggerMessage(1455, LogLevel.Error, "A batch of {Tasks} classify task(s) on {Model} failed unexpectedly")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int tasks, string model);

    [LoggerMessage(1460, LogLevel.Debug, "Read {Characters} character(s) in a {Width}x{Height} image ({Language}) in {Milliseconds:F0} ms")]
    public static partial void Recognized(ILogger logger, int characters, int width, int height, string language, double milliseconds);

    [LoggerMessage(1461, LogLevel.Error, "OCR task {TaskId} failed")]
    public static partial void OcrFailed(ILogger logger, Exception exception, string taskId);
}
