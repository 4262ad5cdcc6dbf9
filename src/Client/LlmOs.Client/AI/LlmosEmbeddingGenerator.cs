using Microsoft.Extensions.AI;

namespace LlmOs.Client.AI;

/// <summary>
/// llmosd as a Microsoft.Extensions.AI embedding generator, over its OpenAI-compatible <c>POST /v1/embeddings</c>:
/// <c>var embedder = new LlmosEmbeddingGenerator();</c> uses the default socket and the daemon's default embedding model.
/// All the values of one call go in one request, which the daemon batches.
/// </summary>
public sealed partial class LlmosEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string Path = "v1/embeddings";
    private readonly LlmosClient _client;
    private readonly bool _ownsClient;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>A generator of its own on <paramref name="socketPath"/> (default: as <see cref="LlmosClient.ForSocket"/>), for <paramref name="model"/> (default: the daemon's).</summary>
    public LlmosEmbeddingGenerator(string? socketPath = null, string? model = null)
        : this(LlmosClient.ForSocket(socketPath), model, ownsClient: true)
    {
    }

    /// <summary>A generator over an existing <paramref name="client"/>, which it does not dispose.</summary>
    public LlmosEmbeddingGenerator(LlmosClient client, string? model = null)
        : this(client, model, ownsClient: false)
    {
    }

    private LlmosEmbeddingGenerator(LlmosClient client, string? model, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _ownsClient = ownsClient;
        Model = model;
        _metadata = new EmbeddingGeneratorMetadata("llmos", defaultModelId: model);
    }

    /// <summary>The model asked for when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set; null for the daemon's default.</summary>
    public string? Model { get; }

    /// <summary>
    /// One vector per value, in order. <see cref="EmbeddingGenerationOptions.Dimensions"/> is not sent (llmosd gives each
    /// model's own size and does not shorten vectors); when it is set and differs from what the model gives, the call throws.
    /// </summary>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        if (inputs.Count == 0)
        {
            return [];
        }

        var body = await _client.Transport.PostJsonAsync(Path, Request(options?.ModelId ?? Model, inputs), cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var result = await ReadAsync(body, inputs.Count, cancellationToken).ConfigureAwait(false);
            if (options?.Dimensions is { } dimensions && result.Count > 0 && result[0].Vector.Length != dimensions)
            {
                throw new NotSupportedException($"the model gives {result[0].Vector.Length} dimensions, not {dimensions}; llmosd does not shorten vectors");
            }

            return result;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
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
}
