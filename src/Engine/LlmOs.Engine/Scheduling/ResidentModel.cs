using LlmOs.Engine.Models;

namespace LlmOs.Engine.Scheduling;

/// <summary>A model in memory (or being loaded), as <c>llmosctl ps</c> and the metrics show it.</summary>
public sealed record ResidentModel(
    string Name,
    ModelKind Kind,
    ModelWorkerState State,
    long MemoryBytes,
    int ActiveSequences,
    int MaxSequences,
    int ContextPerSequence,
    int GpuLayers,
    DateTimeOffset LoadedAt,
    DateTimeOffset? ExpiresAt);
