using System.Collections.Concurrent;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Admits tasks into one bounded queue and hands each to the worker of its model.
/// Knows nothing of sockets or JSON: the daemon calls it with plain values.
/// </summary>
public sealed partial class Scheduler(
    ITextBackend backend,
    ModelRegistry registry,
    TaskStore store,
    SchedulerOptions options,
    TimeProvider time,
    ILogger<Scheduler> logger,
    IEngineMetrics? metrics = null,
    IEmbeddingBackend? embeddings = null)
{
    private readonly IEngineMetrics _metrics = metrics ?? NoEngineMetrics.Instance;
    private readonly IEmbeddingBackend? _embeddings = embeddings;

    private readonly ConcurrentDictionary<string, ModelWorker> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskRecord> _live = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();
    private int _queued;
    private readonly int[] _queuedByPriority = new int[2];
    private int _running;
    private volatile bool _accepting = true;

    public int QueueDepth => Volatile.Read(ref _queued);

    public int RunningCount => Volatile.Read(ref _running);

    /// <summary>Tasks waiting at one priority.</summary>
    public int QueueDepthOf(TaskPriority priority) => Volatile.Read(ref _queuedByPriority[(int)priority]);

    /// <summary>The models in memory or being loaded, with what they hold and serve.</summary>
    public IReadOnlyList<ResidentModel> Resident() =>
        [.. _workers.Values.Select(w => w.Describe()).OfType<ResidentModel>().OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>The load state of each model that has a worker; models without one are unloaded.</summary>
    public ModelWorkerState StateOf(string model) =>
        _workers.TryGetValue(model, out var worker) ? worker.State : ModelWorkerState.Unloaded;

    /// <summary>Queues a generation. Throws <see cref="EngineException"/> for an unknown or unusable model, or when full.</summary>
    public TaskRecord SubmitGenerate(TaskSubmission submission)
    {
        var entry = registry.Resolve(submission.Model);
        var task = Admit(submission.OwnerUid, submission.Priority, id => new TaskRecord(id, submission.OwnerUid, entry.Name, submission.Prompt, submission.Options, time)
        {
            Priority = submission.Priority,
            KeepAlive = submission.KeepAlive,
        });
        _workers.GetOrAdd(entry.Name, _ => new ModelWorker(entry, backend, this, logger)).Enqueue(task);
        return task;
    }

    /// <summary>Renders a chat into the prompt for the model it names (or the default model); the model need not be loaded.</summary>
    public (string Model, string Prompt) RenderChat(string? model, IReadOnlyList<ChatTurn> turns)
    {
        var entry = registry.Resolve(model);
        return (entry.Name, backend.RenderChat(entry, turns));
    }

    /// <summary>
    /// Admission control, the one gate every new task passes: refuses when shutting down or full,
    /// else creates the task with <paramref name="create"/>, counts it as queued and stores it.
    /// </summary>
    internal TaskRecord Admit(uint ownerUid, TaskPriority priority, Func<string, TaskRecord> create)
    {
        _ = ownerUid;
        lock (_admission)
        {
            if (!_accepting)
            {
                throw new EngineException(ErrorKind.Busy, "the daemon is shutting down", retryAfter: TimeSpan.FromSeconds(5));
            }

            if (_queued >= options.QueueCapacity)
            {
                throw new EngineException(ErrorKind.Busy, $"the queue is full ({options.QueueCapacity} tasks waiting)", retryAfter: TimeSpan.FromSeconds(1));
            }

            var task = create(TaskStore.NewId());
            _queued++;
            _queuedByPriority[(int)task.Priority]++;
            _live[task.Id] = task;
            store.Add(task);
            return task;
        }
    }

    /// <summary>Cancels a task; a queued one ends at once, a running one within a token. False when it had already ended.</summary>
    public bool Cancel(TaskRecord task)
    {
        var before = task.RequestCancel();
        if (before == TaskState.Queued)
        {
            LeaveQueue(task);
        }

        return before is TaskState.Queued or TaskState.Running;
    }

    /// <summary>Called by a worker when it takes a task from its queue.</summary>
    internal bool TryStart(TaskRecord task)
    {
        if (!task.TryStart())
        {
            return false; // cancelled while it waited; Cancel already counted it out
        }

        Interlocked.Increment(ref _running);
        LeaveQueue(task);
        return true;
    }

    internal void Finished(TaskRecord task)
    {
        _metrics.TaskFinished(task.Kind, task.State);
        Interlocked.Decrement(ref _running);
        _live.TryRemove(task.Id, out _);
    }

    private void LeaveQueue(TaskRecord task)
    {
        lock (_admission)
        {
            _queued--;
            _queuedByPriority[(int)task.Priority]--;
        }

        if (task.State != TaskState.Running)
        {
            _live.TryRemove(task.Id, out _);
        }
    }
}
