using System.Runtime.CompilerServices;
using System.Text.Json;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.OpenAi;
using Microsoft.Extensions.AI;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace LlmOs.Client.AI;

/// <summary>
/// llmosd as a Microsoft.Extensions.AI <see cref="IChatClient"/>, over its OpenAI-compatible <c>/v1/chat/completions</c>:
/// <c>IChatClient chat = new LlmosChatClient();</c> talks to the default socket and the daemon's default model.
/// <see cref="ChatOptions"/> map to OpenAI's fields (<c>MaxOutputTokens</c> → <c>max_tokens</c>, a JSON response format with a
/// schema → <c>json_schema</c>); <c>AdditionalProperties["priority"]</c> and <c>["keep_alive"]</c> pass llmos's extensions.
/// Cancelling a call, or leaving a stream early, closes its connection, and the daemon cancels the task.
/// </summary>
public sealed class LlmosChatClient : IChatClient
{
    private const string Path = "v1/chat/completions";
    private readonly LlmosClient _client;
    private readonly bool _ownsClient;
    private readonly ChatClientMetadata _metadata;

    /// <summary>A chat client of its own on <paramref name="socketPath"/> (default: as <see cref="LlmosClient.ForSocket"/>), for <paramref name="model"/> (default: the daemon's).</summary>
    public LlmosChatClient(string? socketPath = null, string? model = null)
        : this(LlmosClient.ForSocket(socketPath), model, ownsClient: true)
    {
    }

    /// <summary>A chat client over an existing <paramref name="client"/>, which it does not dispose.</summary>
    public LlmosChatClient(LlmosClient client, string? model = null)
        : this(client, model, ownsClient: false)
    {
    }

    private LlmosChatClient(LlmosClient client, string? model, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _ownsClient = ownsClient;
        Model = model;
        _metadata = new ChatClientMetadata("llmos", defaultModelId: model);
    }

    /// <summary>The model asked for when <see cref="ChatOptions.ModelId"/> is not set; null for the daemon's default model.</summary>
    public string? Model { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ChatRequestMapper.ToRequest(messages, options, Model, stream: false);
        var body = await PostAsync(request, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var response = await JsonSerializer.DeserializeAsync(body, OpenAiJsonContext.Default.ChatCompletionResponse, cancellationToken).ConfigureAwait(false)
                ?? throw new LlmosException(ErrorCodes.Internal, "the daemon sent an empty answer");
            return ChatResponseMapper.ToResponse(response);
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ChatRequestMapper.ToRequest(messages, options, Model, stream: true);
        var body = await PostAsync(request, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await foreach (string data in OpenAiSseReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
            {
                var chunk = JsonSerializer.Deserialize(data, OpenAiJsonContext.Default.ChatCompletionChunk)
                    ?? throw new LlmosException(ErrorCodes.Internal, "the daemon sent an empty chunk");
                foreach (var update in ChatResponseMapper.ToUpdates(chunk))
                {
                    yield return update;
                }
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(LlmosClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private Task<Stream> PostAsync(ChatCompletionRequest request, CancellationToken cancellationToken) =>
        _client.Transport.PostJsonAsync(Path, JsonSerializer.SerializeToUtf8Bytes(request, OpenAiJsonContext.Default.ChatCompletionRequest), cancellationToken);
}
