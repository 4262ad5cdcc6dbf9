namespace LlmOs.Engine.Scheduling;

public sealed class SchedulerOptions
{
    /// <summary>How many tasks may wait, across all models, before new ones are refused as busy.</summary>
    public int QueueCapacity { get; init; } = 256;
}
