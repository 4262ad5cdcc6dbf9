namespace LlmOs.Client.Metrics;

/// <summary>
/// The samples of one metric, with its <c># TYPE</c> and <c># HELP</c>. A histogram's or summary's family holds
/// its <c>_bucket</c>, <c>_sum</c> and <c>_count</c> samples under the family's own name.
/// </summary>
public sealed record MetricFamily(string Name, MetricType Type, string? Help, IReadOnlyList<MetricSample> Samples);
