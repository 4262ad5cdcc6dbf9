using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Scheduling;

/// <summary>Everything a client asks for when it submits a generation, already validated.</summary>
public sealed record TaskSubmission(uint OwnerUid, string Prompt, string? Model, GenerationOptions Options)
{
    public TaskPriority Priority { get; init; } = TaskPriority.Interactive;

    /// <summary>How long the model stays loaded after this task: null for the configured default, zero to unload after it, negative to keep it.</summary>
    public TimeSpan? KeepAlive { get; init; }
}
