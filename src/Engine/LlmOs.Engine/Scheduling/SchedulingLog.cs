using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>Log messages of batching and residency, with stable event ids (1010-1049).</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(1010, LogLevel.Information, "Evicting idle model {Victim} to make room for {Model}")]
    public static partial void Evicting(ILogger logger, string victim, string model);

    [LoggerMessage(1011, LogLevel.Information, "Model {Model} ({Mib} MiB) waits for memory: nothing idle to evict")]
    public static partial void WaitingForMemory(ILogger logger, string model, long mib);

    [LoggerMessage(1012, LogLevel.Information, "Model {Model} unloaded ({Reason})")]
    public static partial void Unloaded(ILogger logger, string model, string reason);

    [LoggerMessage(1013, LogLevel.Warning, "Model {Model} failed to load; next attempt in {Seconds:F0} s at the earliest")]
    public static partial void LoadBackoff(ILogger logger, string model, double seconds);

    [LoggerMessage(1014, LogLevel.Information, "Model {Model}: {Sequences} sequences of {Context} tokens, {GpuLayers} layers on GPU, about {Mib} MiB")]
    public static partial void Planned(ILogger logger, string model, int sequences, int context, int gpuLayers, long mib);

    [LoggerMessage(1015, LogLevel.Error, "A batch step of model {Model} failed; its {Count} sequence(s) fail")]
    public static partial void StepFailed(ILogger logger, Exception exception, string model, int count);

    [LoggerMessage(1016, LogLevel.Warning, "Model {Model} gets a context of {Context} tokens as configured, past the {Trained} it was trained on; its output may degrade there")]
    public static partial void ContextBeyondTraining(ILogger logger, string model, int context, int trained);
}
