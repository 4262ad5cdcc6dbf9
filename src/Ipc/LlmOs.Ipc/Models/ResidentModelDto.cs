namespace LlmOs.Ipc.Models;

/// <summary>A model in memory, as <c>GET /v1/ps</c> lists it. <c>expires_at</c> is absent while it works or when it is kept loaded.</summary>
public sealed record ResidentModelDto(
    string Name,
    string Kind,
    string State,
    long MemoryBytes,
    int ActiveSequences,
    int MaxSequences,
    int ContextPerSequence,
    int GpuLayers,
    DateTimeOffset LoadedAt,
    DateTimeOffset? ExpiresAt);
