namespace LlmOs.Daemon.Metrics;

/// <summary>The histograms' bucket upper bounds, in seconds, chosen for what each one measures.</summary>
internal static class MetricBuckets
{
    /// <summary>
    /// One batch step: a tiny model on the CPU steps in a fraction of a millisecond, a 7B model on the CPU in
    /// 100-300 ms, and a full batch stretches a step further, so the bounds double from 0.1 ms to 1.6 s.
    /// Doubling keeps any quantile estimated from them within a factor of two (interpolation does better)
    /// across four decades with 15 buckets, which is 17 series per model.
    /// </summary>
    public static readonly double[] TokenInterval =
        [0.0001, 0.0002, 0.0004, 0.0008, 0.0016, 0.0032, 0.0064, 0.0128, 0.0256, 0.0512, 0.1024, 0.2048, 0.4096, 0.8192, 1.6384];

    /// <summary>Submission to first token includes waiting in the queue, loading the model and reading the prompt: milliseconds to minutes.</summary>
    public static readonly double[] TimeToFirstToken =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    /// <summary>Loading a model maps its file and builds its context: tens of milliseconds for a tiny one, minutes for a large one on a slow disk.</summary>
    public static readonly double[] ModelLoad =
        [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
}
