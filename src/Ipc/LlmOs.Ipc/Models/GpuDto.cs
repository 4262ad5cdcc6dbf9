namespace LlmOs.Ipc.Models;

/// <summary>A GPU the daemon found.</summary>
public sealed record GpuDto(int Index, string Name, long TotalBytes, long FreeBytes);
