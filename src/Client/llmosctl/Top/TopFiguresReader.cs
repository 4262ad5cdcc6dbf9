using LlmOs.Client.Metrics;
using LlmOs.Ipc.Metrics;

namespace LlmOs.Ctl.Top;

/// <summary>Turns scrapes of <c>/metrics</c> into a frame's figures; rates need the previous scrape and the time between.</summary>
internal static class TopFiguresReader
{
    public static TopFigures Read(MetricsSnapshot now, MetricsSnapshot? previous, TimeSpan elapsed)
    {
        double seconds = elapsed.TotalSeconds;
        double? Rate(double current, double? before) =>
            previous is null || before is null || seconds <= 0 || current < before ? null : (current - before.Value) / seconds;

        var queue = now.Samples(MetricNames.QueueDepth)
            .Where(s => s.Label("priority") is not null)
            .ToDictionary(s => s.Label("priority")!, s => s.Value, StringComparer.Ordinal);
        var tasks = now.Samples(MetricNames.Tasks)
            .Select(s => new TaskCount(s.Label("kind") ?? "", s.Label("outcome") ?? "", s.Value))
            .ToList();

        double tokens = now.Sum(MetricNames.TokensGenerated);
        var ttft = now.Histograms(MetricNames.TimeToFirstToken);
        var steps = now.Histograms(MetricNames.TokenInterval);

        var models = now.Samples(MetricNames.ModelResidentBytes)
            .Where(s => s.Label("model") is not null)
            .Select(s =>
            {
                string name = s.Label("model")!;
                double modelTokens = now.Sum(MetricNames.TokensGenerated, ("model", name));
                return new ModelFigures(
                    name,
                    s.Value,
                    now.Value(MetricNames.ModelActiveSequences, ("model", name)) ?? 0,
                    modelTokens,
                    Rate(modelTokens, previous?.Sum(MetricNames.TokensGenerated, ("model", name))),
                    Latency(ttft.Where(h => h.Labels.GetValueOrDefault("model") == name)),
                    Latency(steps.Where(h => h.Labels.GetValueOrDefault("model") == name)));
            })
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

        double? cpu = now.Value(MetricNames.ProcessCpuSeconds);
        var process = new ProcessFigures(
            now.Value(MetricNames.ProcessWorkingSetBytes),
            cpu,
            cpu is { } c ? Rate(c, previous?.Value(MetricNames.ProcessCpuSeconds)) * 100 : null);

        return new TopFigures(
            queue,
            now.Value(MetricNames.TasksRunning) ?? 0,
            tasks,
            tokens,
            Rate(tokens, previous?.Sum(MetricNames.TokensGenerated)),
            Latency(ttft),
            Latency(steps),
            models,
            process);
    }

    /// <summary>The series added up (all models, or one model's), then p50 and p95 estimated from the buckets.</summary>
    private static LatencyFigures Latency(IEnumerable<HistogramSeries> series)
    {
        var total = HistogramSeries.Merge(series);
        if (total is null || !(total.Count > 0))
        {
            return new LatencyFigures(0, null, null, null);
        }

        return new LatencyFigures(total.Count, Finite(total.Quantile(0.5)), Finite(total.Quantile(0.95)), Finite(total.Mean));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
