namespace LlmOs.Engine.Hardware;

/// <summary>One GPU the daemon found, with its memory as the driver reports it.</summary>
public sealed record GpuInfo(int Index, string Name, long TotalBytes, long FreeBytes);
