using LlmOs.Engine.Embeddings;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>A loaded model that tells its <see cref="CountingEmbeddingBackend"/> how many texts it embedded.</summary>
internal sealed class CountingEmbeddingModel(IEmbeddingModel inner, CountingEmbeddingBackend counter) : IEmbeddingModel
{
    public int Dimensions => inner.Dimensions;

    public long MemoryBytes => inner.MemoryBytes;

    public Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        counter.Count(texts.Count);
        return inner.EmbedAsync(texts, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
