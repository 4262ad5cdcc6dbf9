using LlmOs.Engine.Models;

namespace LlmOs.Engine.Embeddings;

/// <summary>Loads embedding models (ONNX Runtime for the built-in MiniLM). The seam the scheduler's fakes implement.</summary>
public interface IEmbeddingBackend
{
    /// <summary>The embedding models this backend brings with it (listed in the registry with source <c>builtin</c>).</summary>
    IReadOnlyList<ModelEntry> BuiltinModels { get; }

    Task<IEmbeddingModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken);
}
