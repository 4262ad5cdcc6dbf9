namespace LlmOs.Ipc.Health;

/// <summary>The calling client's (uid's) usage and limits; a limit of 0 means none.</summary>
public sealed record ClientUsageDto(
    uint Uid,
    int Queued,
    int Running,
    long TokensToday,
    long DailyTokenLimit,
    int MaxQueued,
    int MaxSequences,
    DateTimeOffset ResetsAt);
