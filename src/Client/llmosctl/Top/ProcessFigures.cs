namespace LlmOs.Ctl.Top;

/// <summary>The daemon process: its working set and the CPU time it used (null when the daemon does not export them).</summary>
internal sealed record ProcessFigures(double? WorkingSetBytes, double? CpuSeconds, double? CpuPercent);
