using LlmOs.Client;
using LlmOs.Client.AI;
using LlmOs.Integration.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>Microsoft.Extensions.AI's embedding generator on the real daemon and its built-in MiniLM embedder.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class EmbeddingGeneratorTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task An_embedding_generator_set_up_in_one_line_gives_one_normalised_vector_per_text_in_order()
    {
        using IEmbeddingGenerator<string, Embedding<float>> embedder = new LlmosEmbeddingGenerator(_daemon.Socket);

        var embeddings = await embedder.GenerateAsync(["The cat sat on the mat.", "A cat was sitting on a mat.", "Stock markets fell sharply today."]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(384, e.Vector.Length));
        Assert.All(embeddings, e => Assert.InRange(Norm(e.Vector.Span), 0.99, 1.01));
        Assert.True(Cosine(embeddings[0], embeddings[1]) > Cosine(embeddings[0], embeddings[2]), "similar sentences must be closer than unrelated ones");
        Assert.All(embeddings, e => Assert.Equal("all-minilm-l6-v2", e.ModelId));
        Assert.True(embeddings.Usage?.InputTokenCount > 0);
    }

    [Fact]
    public async Task The_same_text_gives_the_same_vector_alone_or_in_a_batch()
    {
        var embedder = _daemon.Client.AsEmbeddingGenerator();

        var alone = await embedder.GenerateVectorAsync("Once upon a time");
        var batch = await embedder.GenerateAsync(["x", "Once upon a time"]);

        Assert.Equal(alone.ToArray(), batch[1].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public async Task An_unknown_model_throws_with_the_stable_code()
    {
        var e = await Assert.ThrowsAsync<LlmosException>(() => _daemon.Client.AsEmbeddingGenerator("no-such-model").GenerateAsync(["x"]));
        Assert.Equal("model_not_found", e.Code);
    }

    private static double Norm(ReadOnlySpan<float> v)
    {
        double sum = 0;
        foreach (float x in v)
        {
            sum += x * x;
        }

        return Math.Sqrt(sum);
    }

    private static double Cosine(Embedding<float> a, Embedding<float> b)
    {
        double dot = 0;
        for (int i = 0; i < a.Vector.Length; i++)
        {
            dot += a.Vector.Span[i] * b.Vector.Span[i];
        }

        return dot / (Norm(a.Vector.Span) * Norm(b.Vector.Span));
    }
}
