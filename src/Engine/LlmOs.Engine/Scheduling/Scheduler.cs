using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
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
    ILogger<Scheduler> logger)
{
    private readonly ConcurrentDictionary<string, ModelWorker> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskRecord> _live = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();
    private int _queued;
    private int _running;
    private volatile bool _accepting = true;

    public int QueueDepth => Volatile.Read(ref _queued);

    public int RunningCount => Volatile.Read(ref _running);

    /// <summary>The load state of each model that has a worker; models without one are unloaded.</summary>
    public ModelWorkerState StateOf(string model) =>
        _workers.TryGetValue(model, out var worker) ? worker.State : ModelWorkerState.Unloaded;

    /// <summary>Queues a generation. Throws <see cref="EngineException"/> for an unknown or unusable model, or when full.</summary>
    public TaskRecord SubmitGenerate(uint ownerUid, string prompt, string? model, GenerationOptions generation)
    {
        var entry = registry.Resolve(model);
        TaskRecord task;
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

            task = new TaskRecord(TaskStore.NewId(), ownerUid, entry.Name, prompt, generation, time);
            _queued++;
            _live[task.Id] = task;
            store.Add(task);
        }

        _workers.GetOrAdd(entry.Name, _ => new ModelWorker(entry, backend, this, logger)).Enqueue(task);
        return task;
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
        Interlocked.Decrement(ref _running);
        _live.TryRemove(task.Id, out _);
    }

    private void LeaveQueue(TaskRecord task)
    {
        lock (_admission)
        {
            _queued--;
        }

        if (task.State != TaskState.Running)
        {
            _live.TryRemove(task.Id, out _);
        }
    }
}
