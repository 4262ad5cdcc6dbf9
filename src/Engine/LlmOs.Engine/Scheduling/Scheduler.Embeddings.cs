using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    private readonly ConcurrentDictionary<string, EmbeddingWorker> _embeddingWorkers = new(StringComparer.Ordinal);
    private readonly Lock _embeddingWorkersGate = new();

    /// <summary>
    /// Queues an embedding of <paramref name="inputs"/> (one vector per text) on the embedding model
    /// <paramref name="model"/> names, or the default one. Throws <see cref="EngineException"/> for empty
    /// input, an unknown model or a text model, and when the queue is full.
    /// </summary>
    public TaskRecord SubmitEmbed(uint ownerUid, IReadOnlyList<string> inputs, string? model, TaskPriority priority)
    {
        var backend = _embeddings ?? throw new EngineException(ErrorKind.Unsupported, "this daemon has no embedding backend");
        if (inputs.Count == 0)
        {
            throw new EngineException(ErrorKind.InvalidInput, "at least one text is needed", "input");
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            if (string.IsNullOrEmpty(inputs[i]))
            {
                throw new EngineException(ErrorKind.InvalidInput, $"text {i} is empty", "input");
            }
        }

        var entry = _registry.ResolveEmbedding(model);
        string[] texts = [.. inputs]; // the task keeps its own copy: the caller's list may change after this returns
        var task = Admit(ownerUid, id => new TaskRecord(id, ownerUid, entry.Name, texts, _time) { Priority = priority });
        EmbeddingWorkerFor(entry, backend).Wake();
        return task;
    }

    /// <summary>The load state of any model of the registry: text, embedding or image classifier.</summary>
    public ModelWorkerState StateOf(ModelEntry model) => model.Kind switch
    {
        ModelKind.Embedding => EmbeddingStateOf(model.Name),
        ModelKind.Vision => VisionStateOf(model.Name),
        _ => StateOf(model.Name),
    };

    /// <summary>The load state of an embedding model (what <see cref="StateOf(string)"/> is for text models).</summary>
    public ModelWorkerState EmbeddingStateOf(string model) =>
        _embeddingWorkers.TryGetValue(model, out var worker) ? worker.State : ModelWorkerState.Unloaded;

    /// <summary>
    /// Stops the embedding workers: tasks still running are cancelled, and each model is unloaded.
    /// For shutdown, after new work is refused and the running tasks had their grace period.
    /// </summary>
    internal async ValueTask DisposeEmbeddingsAsync()
    {
        List<EmbeddingWorker> workers;
        lock (_embeddingWorkersGate)
        {
            workers = [.. _embeddingWorkers.Values];
            _embeddingWorkers.Clear();
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One worker per model, made under a lock so that racing first requests never start two.</summary>
    private EmbeddingWorker EmbeddingWorkerFor(ModelEntry entry, Embeddings.IEmbeddingBackend backend)
    {
        if (_embeddingWorkers.TryGetValue(entry.Name, out var worker))
        {
            return worker;
        }

        lock (_embeddingWorkersGate)
        {
            return _embeddingWorkers.GetOrAdd(entry.Name, _ => new EmbeddingWorker(entry, backend, this, _residency, _options, _time, _logger));
        }
    }
}
