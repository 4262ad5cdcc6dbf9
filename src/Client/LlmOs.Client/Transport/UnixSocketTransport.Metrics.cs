namespace LlmOs.Client.Transport;

/// <summary><c>GET /metrics</c>: plain text, not JSON.</summary>
public sealed partial class UnixSocketTransport
{
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
