using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>The embedding worker's log messages, with stable event ids (1200-1249).</summary>
internal static partial class EmbeddingLog
{
    [LoggerMessage(1200, LogLevel.Information, "Embedding model {Model} loaded in {Milliseconds:F0} ms")]
    public static partial void ModelLoaded(ILogger logger, string model, double milliseconds);

    [LoggerMessage(1201, LogLevel.Error, "Embedding model {Model} failed to load")]
    public static partial void ModelLoadFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(1202, LogLevel.Error, "Embedding task {TaskId} on model {Model} failed")]
    public static partial void TaskFailed(ILogger logger, Exception exception, string taskId, string model);

    [LoggerMessage(1203, LogLevel.Debug, "Embedded {Texts} text(s) of {Tasks} task(s) on {Model} in one batch, {Milliseconds:F1} ms")]
    public static partial void Batched(ILogger logger, int texts, int tasks, string model, double milliseconds);

    [LoggerMessage(1204, LogLevel.Information, "A batch of {Tasks} embedding tasks on {Model} failed ({Reason}); running them one by one so only the one at fault fails")]
    public static partial void BatchSplit(ILogger logger, int tasks, string model, string reason);

    [LoggerMessage(1205, LogLevel.Error, "A batch of {Tasks} embedding task(s) on {Model} failed unexpectedly")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int tasks, string model);
}
