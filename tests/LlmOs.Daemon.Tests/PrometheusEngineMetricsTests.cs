using System.Text;
using LlmOs.Client.Metrics;
using LlmOs.Daemon.Metrics;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.Metrics;
using Prometheus;

namespace LlmOs.Daemon.Tests;

/// <summary>
/// The engine's reports as the daemon counts them: called directly, then scraped from the instance's own
/// registry and read back with the client's parser, as llmosctl top would.
/// </summary>
public sealed class PrometheusEngineMetricsTests
{
    private static async Task<MetricsSnapshot> ScrapeAsync(PrometheusEngineMetrics metrics)
    {
        using var buffer = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(buffer, ExpositionFormat.PrometheusText, CancellationToken.None);
        return PrometheusText.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public async Task Every_kind_and_outcome_is_published_at_zero_and_a_finished_task_counts_once()
    {
        var metrics = new PrometheusEngineMetrics();
        var fresh = await ScrapeAsync(metrics);
        Assert.Equal(MetricType.Counter, fresh.Family(MetricNames.Tasks)!.Type);
        foreach (var kind in new[] { "generate", "embed" })
        {
            foreach (var outcome in new[] { "completed", "failed", "cancelled" })
            {
                Assert.Equal(0, fresh.Value(MetricNames.Tasks, ("kind", kind), ("outcome", outcome)));
            }
        }

        metrics.TaskFinished(TaskKind.Generate, TaskState.Completed);
        metrics.TaskFinished(TaskKind.Generate, TaskState.Completed);
        metrics.TaskFinished(TaskKind.Embed, TaskState.Cancelled);
        metrics.TaskFinished(TaskKind.Generate, TaskState.Running); // not an outcome, but never lost or thrown

        var after = await ScrapeAsync(metrics);
        Assert.Equal(2, after.Value(MetricNames.Tasks, ("kind", "generate"), ("outcome", "completed")));
        Assert.Equal(1, after.Value(MetricNames.Tasks, ("kind", "embed"), ("outcome", "cancelled")));
        Assert.Equal(0, after.Value(MetricNames.Tasks, ("kind", "generate"), ("outcome", "failed")));
        Assert.Equal(1, after.Value(MetricNames.Tasks, ("kind", "generate"), ("outcome", "running")));
        Assert.Equal(4, after.Sum(MetricNames.Tasks));
    }

    [Fact]
    public async Task Tokens_are_counted_per_model_and_nothing_below_one_is_counted()
    {
        var metrics = new PrometheusEngineMetrics();
        metrics.TokensGenerated("tiny", 5);
        metrics.TokensGenerated("tiny", 1);
        metrics.TokensGenerated("big", 7);
        metrics.TokensGenerated("big", 0);
        metrics.TokensGenerated("big", -3);

        var snapshot = await ScrapeAsync(metrics);
        Assert.Equal(6, snapshot.Value(MetricNames.TokensGenerated, ("model", "tiny")));
        Assert.Equal(7, snapshot.Value(MetricNames.TokensGenerated, ("model", "big")));
        Assert.Equal(13, snapshot.Sum(MetricNames.TokensGenerated));
    }

    [Fact]
    public async Task Latencies_land_in_per_model_histograms_with_buckets_for_their_range()
    {
        var metrics = new PrometheusEngineMetrics();
        for (int i = 0; i < 90; i++)
        {
            metrics.TokenInterval("tiny", TimeSpan.FromMicroseconds(300)); // a tiny model's step
        }

        for (int i = 0; i < 10; i++)
        {
            metrics.TokenInterval("tiny", TimeSpan.FromMilliseconds(150)); // a step with a prompt chunk in it
        }

        metrics.TokenInterval("big", TimeSpan.FromMilliseconds(120));
        metrics.FirstToken("tiny", TimeSpan.FromMilliseconds(40));
        metrics.FirstToken("tiny", TimeSpan.FromSeconds(-1)); // a clock that stepped back counts as zero
        metrics.ModelLoaded("tiny", TimeSpan.FromMilliseconds(80));

        var snapshot = await ScrapeAsync(metrics);
        Assert.Equal(MetricType.Histogram, snapshot.Family(MetricNames.TokenInterval)!.Type);
        var steps = Assert.Single(snapshot.Histograms(MetricNames.TokenInterval), h => h.Labels["model"] == "tiny");
        Assert.Equal(100, steps.Count);
        Assert.Equal((90 * 0.0003) + (10 * 0.15), steps.Sum, 9);
        Assert.Equal(0.0001, steps.Buckets[0].UpperBound);
        Assert.True(steps.Buckets[^2].UpperBound >= 1, "the buckets reach a second");
        Assert.InRange(steps.Quantile(0.5), 0.0002, 0.0004); // within the bucket of 0.3 ms
        Assert.InRange(steps.Quantile(0.95), 0.1024, 0.2048); // within the bucket of 150 ms
        Assert.Equal(1, Assert.Single(snapshot.Histograms(MetricNames.TokenInterval), h => h.Labels["model"] == "big").Count);

        // A model's series are created together on its first report, so "big" shows its empty ones at zero.
        Assert.Equal(0, Assert.Single(snapshot.Histograms(MetricNames.TimeToFirstToken), h => h.Labels["model"] == "big").Count);
        var ttft = Assert.Single(snapshot.Histograms(MetricNames.TimeToFirstToken), h => h.Labels["model"] == "tiny");
        Assert.Equal(2, ttft.Count);
        Assert.Equal(0.04, ttft.Sum, 9);

        var load = Assert.Single(snapshot.Histograms(MetricNames.ModelLoad), h => h.Labels["model"] == "tiny");
        Assert.Equal(1, load.Count);
        Assert.Equal(0.08, load.Sum, 9);
    }

    [Fact]
    public async Task Each_instance_counts_in_its_own_registry()
    {
        var one = new PrometheusEngineMetrics();
        var two = new PrometheusEngineMetrics();
        one.TaskFinished(TaskKind.Generate, TaskState.Failed);
        one.TokensGenerated("tiny", 3);

        var second = await ScrapeAsync(two);
        Assert.NotSame(one.Registry, two.Registry);
        Assert.NotSame(Prometheus.Metrics.DefaultRegistry, one.Registry);
        Assert.Equal(0, second.Value(MetricNames.Tasks, ("kind", "generate"), ("outcome", "failed")));
        Assert.Null(second.Value(MetricNames.TokensGenerated, ("model", "tiny")));
        Assert.Equal(1, (await ScrapeAsync(one)).Value(MetricNames.Tasks, ("kind", "generate"), ("outcome", "failed")));
    }

    [Fact]
    public async Task Concurrent_reports_from_many_threads_all_count()
    {
        var metrics = new PrometheusEngineMetrics();
        await Parallel.ForAsync(0, 8, async (worker, _) =>
        {
            await Task.Yield();
            for (int i = 0; i < 1000; i++)
            {
                metrics.TokensGenerated(worker % 2 == 0 ? "even" : "odd", 1);
                metrics.TokenInterval("even", TimeSpan.FromMilliseconds(1));
            }
        });

        var snapshot = await ScrapeAsync(metrics);
        Assert.Equal(8000, snapshot.Sum(MetricNames.TokensGenerated));
        Assert.Equal(8000, Assert.Single(snapshot.Histograms(MetricNames.TokenInterval), h => h.Labels["model"] == "even").Count);
    }
}
