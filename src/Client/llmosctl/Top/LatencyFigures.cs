namespace LlmOs.Ctl.Top;

/// <summary>A latency histogram summed up: how many observations, and p50/p95/mean in seconds (null without observations).</summary>
internal sealed record LatencyFigures(double Count, double? P50S, double? P95S, double? MeanS);
