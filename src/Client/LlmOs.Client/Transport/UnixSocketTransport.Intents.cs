using LlmOs.Ipc;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Intents;

namespace LlmOs.Client.Transport;

/// <summary><c>GET /v1/capabilities</c> and <c>GET /v1/intents</c>.</summary>
public sealed partial class UnixSocketTransport
{
    public Task<CapabilitiesResponse> GetCapabilitiesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/capabilities", null, IpcJsonContext.Default.CapabilitiesResponse, cancellationToken);

    public Task<IntentListResponse> ListIntentsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/intents", null, IpcJsonContext.Default.IntentListResponse, cancellationToken);
}
