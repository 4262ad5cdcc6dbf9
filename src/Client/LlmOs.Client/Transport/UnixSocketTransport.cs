using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Models;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Client.Transport;

/// <summary>The daemon's HTTP API over its Unix socket.</summary>
public sealed partial class UnixSocketTransport : ILlmosTransport
{
    /// <summary>Bodies larger than this ask for 100-continue before they are sent.</summary>
    private const long LargeBodyBytes = 64 * 1024;

    private readonly HttpClient _http;

    public UnixSocketTransport(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),

            // A stream left early is closed at once (the daemon then cancels its task) rather than read on for up to
            // two seconds in the hope of reusing the connection.
            MaxResponseDrainSize = 0,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SocketPath { get; }

    public Task<HealthResponse> GetHealthAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/health", null, IpcJsonContext.Default.HealthResponse, cancellationToken);

    public Task<StatusResponse> GetStatusAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/status", null, IpcJsonContext.Default.StatusResponse, cancellationToken);

    public Task<ModelListResponse> ListModelsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/models", null, IpcJsonContext.Default.ModelListResponse, cancellationToken);

    public Task<ModelDto> AddModelAsync(AddModelRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "v1/models", Json(request, IpcJsonContext.Default.AddModelRequest), IpcJsonContext.Default.ModelDto, cancellationToken);

    public Task<PsResponse> GetPsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/ps", null, IpcJsonContext.Default.PsResponse, cancellationToken);

    public Task<ResidentModelDto> LoadModelAsync(string name, LoadModelRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v1/models/{Uri.EscapeDataString(name)}/load", Json(request, IpcJsonContext.Default.LoadModelRequest), IpcJsonContext.Default.ResidentModelDto, cancellationToken);

    public Task<UnloadModelResponse> UnloadModelAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"v1/models/{Uri.EscapeDataString(name)}/unload", null, IpcJsonContext.Default.UnloadModelResponse, cancellationToken);

    public Task<TaskDto> SubmitAsync(TaskSubmitRequest request, bool wait, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, wait ? "v1/tasks?wait=true" : "v1/tasks", Json(request with { Stream = false }, IpcJsonContext.Default.TaskSubmitRequest), IpcJsonContext.Default.TaskDto, cancellationToken);

    public IAsyncEnumerable<TaskStreamEvent> SubmitStreamingAsync(TaskSubmitRequest request, CancellationToken cancellationToken) =>
        StreamAsync(new HttpRequestMessage(HttpMethod.Post, "v1/tasks") { Content = Json(request with { Stream = true }, IpcJsonContext.Default.TaskSubmitRequest) }, cancellationToken);

    public Task<TaskDto> GetTaskAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/tasks/" + Uri.EscapeDataString(id), null, IpcJsonContext.Default.TaskDto, cancellationToken);

    public Task<TaskListResponse> ListTasksAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "v1/tasks", null, IpcJsonContext.Default.TaskListResponse, cancellationToken);

    public Task<TaskDto> CancelTaskAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "v1/tasks/" + Uri.EscapeDataString(id), null, IpcJsonContext.Default.TaskDto, cancellationToken);

    public IAsyncEnumerable<TaskStreamEvent> FollowTaskAsync(string id, CancellationToken cancellationToken) =>
        StreamAsync(new HttpRequestMessage(HttpMethod.Get, "v1/tasks/" + Uri.EscapeDataString(id) + "/events"), cancellationToken);

    public async Task<Stream> PostJsonAsync(string path, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ResponseBodyStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
            ?? throw new LlmosException(ErrorCodes.Internal, "the daemon sent an empty answer");
    }

    private async IAsyncEnumerable<TaskStreamEvent> StreamAsync(HttpRequestMessage request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (request)
        {
            // Disposing the response closes the connection, which is how the daemon learns we left.
            using var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var taskEvent in SseReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
            {
                yield return taskEvent;
            }
        }
    }

    /// <summary>Sends a request; a refusal becomes an <see cref="LlmosException"/> with the daemon's code, a dead socket an unreachable one.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        // A large body (an image file, its base64) waits for llmosd's go-ahead, Expect: 100-continue: llmosd refuses a
        // Content-Length over its limit before reading, and that refusal (too_large) then arrives as an answer rather
        // than as a broken pipe halfway through sending a body it will never read.
        if (request.Content?.Headers.ContentLength > LargeBodyBytes)
        {
            request.Headers.ExpectContinue = true;
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException socket)
        {
            throw new LlmosUnreachableException(SocketPath, Reason(socket.SocketErrorCode), e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            ErrorBody? error = null;
            try
            {
                error = await response.Content.ReadErrorOrNullAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
            }

            throw new LlmosException(
                error?.Code ?? (response.StatusCode == HttpStatusCode.NotFound ? ErrorCodes.NotFound : ErrorCodes.Internal),
                error?.Message ?? $"the daemon answered {(int)response.StatusCode} {response.ReasonPhrase}",
                error?.Field,
                error?.RetryAfterS is { } s ? TimeSpan.FromSeconds(s) : response.Headers.RetryAfter?.Delta);
        }
    }

    private static string Reason(SocketError error) => error switch
    {
        SocketError.AddressNotAvailable or SocketError.ConnectionRefused =>
            "no daemon is running there. Start one with 'llmosd' (user mode) or 'systemctl start llmosd' (system)",
        SocketError.AccessDenied => "permission denied (system mode: are you in the 'llmos' group?)",
        _ => error.ToString(),
    };
}
