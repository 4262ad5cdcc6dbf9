using Prometheus;

namespace LlmOs.Daemon.Metrics;

/// <summary>
/// Writes this daemon's registry in the Prometheus text format (0.0.4). Besides the llmos figures it exports
/// prometheus-net's basic process metrics (CPU seconds, working set, threads, GC counts): they are read only at
/// scrape time, cost nothing in between, and show the daemon's own footprint beside its models'. The library's
/// event-counter and meter adapters are left off: they listen all the time and add hundreds of series.
/// </summary>
public sealed class MetricsExporter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly CollectorRegistry _registry;

    /// <param name="metrics">Whose registry this exports.</param>
    /// <param name="gauges">Taken so that the scheduler's gauges exist (and refresh) before the first scrape.</param>
    public MetricsExporter(PrometheusEngineMetrics metrics, SchedulerGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(gauges);
        _registry = metrics.Registry;
        DotNetStats.Register(_registry);
    }

    /// <summary>One scrape, whole: collected into memory first so that a failure answers an error, not half a document.</summary>
    public async Task<byte[]> ScrapeAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(buffer, ExpositionFormat.PrometheusText, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
