namespace LlmOs.Client.Metrics;

/// <summary>One bucket of a histogram: how many observations were at most <paramref name="UpperBound"/> (cumulative, as exported).</summary>
public readonly record struct HistogramBucket(double UpperBound, double CumulativeCount);
