using LlmOs.Client.Metrics;

namespace LlmOs.Client;

/// <summary>The daemon's figures: what <c>GET /metrics</c> exports, parsed.</summary>
public sealed partial class LlmosClient
{
    /// <summary>Scrapes the daemon's metrics. A document that is not valid Prometheus text throws <see cref="FormatException"/>.</summary>
    public async Task<MetricsSnapshot> GetMetricsAsync(CancellationToken cancellationToken = default) =>
        PrometheusText.Parse(await Transport.GetMetricsTextAsync(cancellationToken).ConfigureAwait(false));
}
