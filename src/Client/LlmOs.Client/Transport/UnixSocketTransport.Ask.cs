using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Events;

namespace LlmOs.Client.Transport;

/// <summary><c>POST /v1/ask</c>, <c>POST /v1/intents/test</c>, <c>GET /v1/intents/catalog</c> and <c>GET /v1/events</c>.</summary>
public sealed partial class UnixSocketTransport
{
    // Closing the connection (the token cancelled) cancels the ask on the daemon.
    public Task<AskResultDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/ask", Json(request, IpcJsonContext.Default.AskRequestDto), IpcJsonContext.Default.AskResultDto, cancellationToken);

    public Task<IntentTestResponse> TestUtteranceAsync(AskRequestDto request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/intents/test", Json(request, IpcJsonContext.Default.AskRequestDto), IpcJsonContext.Default.IntentTestResponse, cancellationToken);

    public Task<IntentCatalogResponse> GetIntentCatalogAsync(string? language, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Get,
            language is null ? "v1/intents/catalog" : "v1/intents/catalog?language=" + Uri.EscapeDataString(language),
            null,
            IpcJsonContext.Default.IntentCatalogResponse,
            cancellationToken);

    public async IAsyncEnumerable<DueEventDto> WatchEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/events");
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        string name = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == EventNames.Due && data.Length > 0)
                {
                    yield return JsonSerializer.Deserialize(data.ToString(), IpcJsonContext.Default.DueEventDto)
                        ?? throw new LlmosException("internal", "the daemon sent an empty due event");
                }

                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart(' '));
            }
        }
    }
}
