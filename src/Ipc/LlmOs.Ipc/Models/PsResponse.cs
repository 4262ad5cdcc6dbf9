namespace LlmOs.Ipc.Models;

/// <summary><c>GET /v1/ps</c>: the loaded models, the memory budget and what of it is taken, and the GPUs found.</summary>
public sealed record PsResponse(
    IReadOnlyList<ResidentModelDto> Models,
    long MemoryBudgetBytes,
    long MemoryUsedBytes,
    IReadOnlyList<GpuDto> Gpus,
    string Accelerator);
