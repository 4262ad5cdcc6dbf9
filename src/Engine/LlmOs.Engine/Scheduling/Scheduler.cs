using System.Collections.Concurrent;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Admits tasks, queues them fairly per model (see <see cref="FairQueue"/>) and lends them to the worker of
/// their model, which runs them in batches. Knows nothing of sockets or JSON: the daemon calls it with plain values.
/// </summary>
public sealed partial class Scheduler
{
    private readonly ConcurrentDictionary<string, ModelWorker> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskRecord> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FairQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, ClientUsage> _usage = [];
    private readonly int[] _queuedByPriority = new int[2];
    private readonly Lock _admission = new();
    private readonly ITextBackend _backend;
    private readonly ModelRegistry _registry;
    private readonly TaskStore _store;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IEngineMetrics _metrics;
    private readonly IEmbeddingBackend? _embeddings;
    private readonly IVisionBackend? _vision;
    private readonly IOcrEngine? _ocr;
    private readonly Residency _residency;
    private int _queued;
    private int _running;
    private volatile bool _accepting = true;

    public Scheduler(
        ITextBackend backend,
        ModelRegistry registry,
        TaskStore store,
        SchedulerOptions options,
        TimeProvider time,
        ILogger<Scheduler> logger,
        IEngineMetrics? metrics = null,
        IEmbeddingBackend? embeddings = null,
        IVisionBackend? vision = null,
        IOcrEngine? ocr = null,
        ITranscriptionBackend? transcription = null,
        ISpeechSynthesizer? synthesizer = null)
    {
        _backend = backend;
        _registry = registry;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics ?? NoEngineMetrics.Instance;
        _embeddings = embeddings;
        _vision = vision;
        _ocr = ocr;
        _transcription = transcription;
        _synthesizer = synthesizer;
        _residency = new Residency(options.MemoryBudgetBytes, time, logger);
    }

    public int QueueDepth => Volatile.Read(ref _queued);

    public int RunningCount => Volatile.Read(ref _running);

    /// <summary>Tasks waiting at one priority.</summary>
    public int QueueDepthOf(TaskPriority priority) => Volatile.Read(ref _queuedByPriority[(int)priority]);

    /// <summary>The load state of a model; models without a worker are unloaded.</summary>
    public ModelWorkerState StateOf(string model) =>
        _workers.TryGetValue(model, out var worker) ? worker.State : ModelWorkerState.Unloaded;

    /// <summary>Queues a generation. Throws <see cref="EngineException"/> for an unknown or unusable model, when full, or over quota.</summary>
    public TaskRecord SubmitGenerate(TaskSubmission submission)
    {
        var entry = _registry.Resolve(submission.Model);
        var worker = WorkerFor(entry);
        if (worker.RetryAt > _time.GetUtcNow())
        {
            throw new EngineException(ErrorKind.Busy, $"model '{entry.Name}' failed to load a moment ago; the next attempt waits", retryAfter: worker.RetryAt - _time.GetUtcNow());
        }

        var task = Admit(submission.OwnerUid, id => new TaskRecord(id, submission.OwnerUid, entry.Name, submission.Prompt, submission.Options, _time)
        {
            Priority = submission.Priority,
            KeepAlive = submission.KeepAlive,
        });
        worker.Wake();
        return task;
    }

    /// <summary>Renders a chat into the prompt for the model it names (or the default model); the model need not be loaded.</summary>
    public (string Model, string Prompt) RenderChat(string? model, IReadOnlyList<ChatTurn> turns)
    {
        var entry = _registry.Resolve(model);
        return (entry.Name, _backend.RenderChat(entry, turns));
    }

    /// <summary>Cancels a task; a queued one ends at once, a running one within a step. False when it had already ended.</summary>
    public bool Cancel(TaskRecord task)
    {
        var before = task.RequestCancel();
        if (before == TaskState.Queued)
        {
            LeaveQueue(task);
            _live.TryRemove(task.Id, out _);
            if (_workers.TryGetValue(task.Model, out var worker))
            {
                worker.Wake(); // a worker waiting for a client's sequence limit may have nothing left to wait for
            }
        }

        return before is TaskState.Queued or TaskState.Running;
    }

    private void WakeOthers(string model)
    {
        foreach (var worker in _workers.Values)
        {
            if (worker.Name != model)
            {
                worker.Wake();
            }
        }
    }

    private ModelWorker WorkerFor(ModelEntry entry) =>
        _workers.GetOrAdd(entry.Name, _ => new ModelWorker(entry, this, _backend, _residency, _options, _metrics, _time, _logger));
}
