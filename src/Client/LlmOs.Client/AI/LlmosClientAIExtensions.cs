using LlmOs.Client.AI;
using Microsoft.Extensions.AI;

namespace LlmOs.Client;

/// <summary>One-line set-up for Microsoft.Extensions.AI: <c>LlmosClient.ForSocket(path).AsChatClient(model)</c>.</summary>
public static class LlmosClientAIExtensions
{
    /// <summary>An <see cref="IChatClient"/> over this client (which it does not dispose), for <paramref name="model"/> or the daemon's default.</summary>
    public static IChatClient AsChatClient(this LlmosClient client, string? model = null) => new LlmosChatClient(client, model);

    /// <summary>An embedding generator over this client (which it does not dispose), for <paramref name="model"/> or the daemon's default embedder.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> AsEmbeddingGenerator(this LlmosClient client, string? model = null) =>
        new LlmosEmbeddingGenerator(client, model);
}
