using System.Collections.Concurrent;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests;

/// <summary>An in-memory embedding backend with one built-in model, <see cref="ModelName"/>, whose loads can be made to fail.</summary>
internal sealed class FakeEmbeddingBackend : IEmbeddingBackend
{
    public const string ModelName = "fake-embedder";

    private int _failLoads;
    private int _cancelLoads;
    private int _loads;

    public FakeEmbeddingModel Model { get; } = new();

    public IReadOnlyList<ModelEntry> BuiltinModels { get; } =
        [new ModelEntry(ModelName, "builtin", ModelKind.Embedding, ModelSource.Builtin, false, 1000, null, null)];

    public int LoadCount => Volatile.Read(ref _loads);

    public ConcurrentQueue<string> LoadedNames { get; } = new();

    public void FailNextLoads(int count) => Volatile.Write(ref _failLoads, count);

    /// <summary>The next load throws OperationCanceledException though nobody cancelled it: a backend bug the worker must survive.</summary>
    public void CancelNextLoad() => Volatile.Write(ref _cancelLoads, 1);

    public Task<IEmbeddingModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        LoadedNames.Enqueue(model.Name);
        if (Interlocked.Exchange(ref _cancelLoads, 0) == 1)
        {
            throw new OperationCanceledException("the fake backend gave up");
        }

        if (Interlocked.Decrement(ref _failLoads) >= 0)
        {
            throw new IOException("the fake model file is unreadable");
        }

        return Task.FromResult<IEmbeddingModel>(Model);
    }
}
