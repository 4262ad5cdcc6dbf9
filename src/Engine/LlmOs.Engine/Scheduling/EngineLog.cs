using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>The engine's log messages, with stable event ids (1000-1099).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1000, LogLevel.Information, "Model {Model} loaded in {Milliseconds:F0} ms")]
    public static partial void ModelLoaded(ILogger logger, string model, double milliseconds);

    [LoggerMessage(1001, LogLevel.Error, "Model {Model} failed to load")]
    public static partial void ModelLoadFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(1002, LogLevel.Error, "Task {TaskId} on model {Model} failed")]
    public static partial void GenerationFailed(ILogger logger, Exception exception, string taskId, string model);

    [LoggerMessage(1003, LogLevel.Information, "Shutting down: {Running} running task(s) get {GraceSeconds} s to finish")]
    public static partial void ShutdownStarted(ILogger logger, int running, double graceSeconds);

    [LoggerMessage(1004, LogLevel.Warning, "Grace period over: cancelling {Running} running task(s)")]
    public static partial void GraceExpired(ILogger logger, int running);
}
