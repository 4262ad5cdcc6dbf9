namespace LlmOs.Engine.Scheduling;

/// <summary>A client's usage and limits, as <c>llmosctl status</c> shows them. Zero limits mean none.</summary>
public sealed record ClientUsageSnapshot(
    uint Uid,
    int Queued,
    int Running,
    long TokensToday,
    long DailyTokenLimit,
    int MaxQueued,
    int MaxSequences,
    DateTimeOffset ResetsAt);
