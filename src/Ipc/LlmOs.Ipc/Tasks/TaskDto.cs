namespace LlmOs.Ipc.Tasks;

/// <summary>A task as clients see it.</summary>
public sealed record TaskDto(
    string Id,
    string Kind,
    string State,
    string Model,
    uint OwnerUid,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    TaskResultDto? Result = null,
    ErrorDto? Error = null);
