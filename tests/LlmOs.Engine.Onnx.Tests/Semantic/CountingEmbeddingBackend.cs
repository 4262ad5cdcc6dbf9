using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>The real MiniLM backend, counting the texts its model is asked to embed.</summary>
internal sealed class CountingEmbeddingBackend(IEmbeddingBackend inner) : IEmbeddingBackend
{
    private long _texts;

    public long Texts => Interlocked.Read(ref _texts);

    public IReadOnlyList<ModelEntry> BuiltinModels => inner.BuiltinModels;

    public async Task<IEmbeddingModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken) =>
        new CountingEmbeddingModel(await inner.LoadAsync(model, cancellationToken), this);

    public void Count(int texts) => Interlocked.Add(ref _texts, texts);
}
