using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>
/// Built-in embedding models of <see cref="HashEmbeddingModel"/> vectors, one per (name, dimensions) given, that
/// count their texts by model. Fast: for tests of the recogniser's bookkeeping, not of its accuracy.
/// </summary>
internal sealed class HashEmbeddingBackend(params (string Name, int Dimensions)[] models) : IEmbeddingBackend
{
    private readonly Dictionary<string, HashEmbeddingModel> _models = models.ToDictionary(m => m.Name, m => new HashEmbeddingModel(m.Dimensions));

    public IReadOnlyList<ModelEntry> BuiltinModels { get; } =
        [.. models.Select(m => new ModelEntry(m.Name, "builtin", ModelKind.Embedding, ModelSource.Builtin, false, 1000, null, null))];

    public HashEmbeddingModel Model(string name) => _models[name];

    public Task<IEmbeddingModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken) =>
        Task.FromResult<IEmbeddingModel>(_models[model.Name]);
}
