using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>
    /// Admission control, the one gate every new task passes: refuses when shutting down, when the queue or the
    /// client's share of it is full, or when the client's daily tokens are spent; else creates the task with
    /// <paramref name="create"/>, queues it fairly under its model and stores it.
    /// </summary>
    /// <summary>
    /// Checks a client's limits and adds its task: queued for its model's worker, or, with <paramref name="startNow"/>,
    /// running at once (work that needs no model, such as an intent handed to an app).
    /// </summary>
    internal TaskRecord Admit(uint ownerUid, Func<string, TaskRecord> create, bool startNow = false)
    {
        lock (_admission)
        {
            if (!_accepting)
            {
                throw new EngineException(ErrorKind.Busy, "the daemon is shutting down", retryAfter: TimeSpan.FromSeconds(5));
            }

            if (_queued >= _options.QueueCapacity)
            {
                throw new EngineException(ErrorKind.Busy, $"the queue is full ({_options.QueueCapacity} tasks waiting)", retryAfter: TimeSpan.FromSeconds(1));
            }

            var usage = UsageOf(ownerUid);
            if (_options.MaxQueuedPerUid > 0 && usage.Queued >= _options.MaxQueuedPerUid)
            {
                throw new EngineException(ErrorKind.Busy, $"you have {usage.Queued} tasks waiting, the most one client may", retryAfter: TimeSpan.FromSeconds(1));
            }

            if (_options.DailyTokensPerUid > 0 && usage.TokensToday >= _options.DailyTokensPerUid)
            {
                var resets = NextMidnight();
                throw new EngineException(
                    ErrorKind.QuotaExceeded,
                    $"today's {_options.DailyTokensPerUid} tokens are used up; the quota resets at {resets:yyyy-MM-dd HH:mm zzz}",
                    retryAfter: resets - _time.GetUtcNow());
            }

            var task = create(TaskStore.NewId());
            _live[task.Id] = task;
            _store.Add(task);
            if (startNow && task.TryStart())
            {
                usage.Running++;
                _running++;
                return task;
            }

            usage.Queued++;
            _queued++;
            _queuedByPriority[(int)task.Priority]++;
            QueueOf(task.Model).Enqueue(task);
            return task;
        }
    }

    /// <summary>True when tasks wait for <paramref name="model"/>.</summary>
    internal bool HasWaiting(string model)
    {
        lock (_admission)
        {
            return _queues.TryGetValue(model, out var queue) && queue.Waiting > 0;
        }
    }

    /// <summary>Takes the next task for <paramref name="model"/> and marks it running; false when none may run now.</summary>
    internal bool TryTakeNext(string model, out TaskRecord task, Func<TaskRecord, bool>? fits = null)
    {
        lock (_admission)
        {
            if (!_queues.TryGetValue(model, out var queue))
            {
                task = null!;
                return false;
            }

            while (queue.TryTake(MayStartAnother, fits) is { } next)
            {
                if (!next.TryStart())
                {
                    continue; // cancelled as it was taken; Cancel has counted it out
                }

                CountOut(next, queue);
                UsageOf(next.OwnerUid).Running++;
                _running++;
                task = next;
                return true;
            }

            task = null!;
            return false;
        }
    }

    /// <summary>Fails every task waiting for <paramref name="model"/> (its load failed).</summary>
    internal void FailWaiting(string model, EngineException error)
    {
        var failed = new List<TaskRecord>();
        lock (_admission)
        {
            if (!_queues.TryGetValue(model, out var queue))
            {
                return;
            }

            // Failed under the lock: a cancel racing with this either finds the task failed, or was first and counted it out itself.
            foreach (var task in queue.DrainAll().Where(t => !t.IsFinished))
            {
                CountOut(task, queue);
                task.Fail(error.Kind, error.Message);
                failed.Add(task);
            }
        }

        foreach (var task in failed)
        {
            _metrics.TaskFinished(task.Kind, task.State);
            _live.TryRemove(task.Id, out _);
        }
    }

    /// <summary>Called by a worker when a task it started has ended, with the tokens it generated.</summary>
    internal void Finished(TaskRecord task, int tokens)
    {
        lock (_admission)
        {
            var usage = UsageOf(task.OwnerUid);
            usage.Running--;
            usage.AddTokens(tokens, Today());
            _running--;
        }

        _metrics.TaskFinished(task.Kind, task.State);
        _live.TryRemove(task.Id, out _);
        if (_options.MaxSequencesPerUid > 0)
        {
            WakeOthers(task.Model); // a task of this client that waits for another model may start now
        }
    }

    private void LeaveQueue(TaskRecord task)
    {
        lock (_admission)
        {
            CountOut(task, QueueOf(task.Model));
        }

        _metrics.TaskFinished(task.Kind, task.State);
    }

    private void CountOut(TaskRecord task, FairQueue queue)
    {
        queue.Waiting--;
        UsageOf(task.OwnerUid).Queued--;
        _queued--;
        _queuedByPriority[(int)task.Priority]--;
    }

    private bool MayStartAnother(uint uid) =>
        _options.MaxSequencesPerUid <= 0 || UsageOf(uid).Running < _options.MaxSequencesPerUid;

    private FairQueue QueueOf(string model)
    {
        if (!_queues.TryGetValue(model, out var queue))
        {
            queue = new FairQueue();
            _queues[model] = queue;
        }

        return queue;
    }

    private ClientUsage UsageOf(uint uid)
    {
        if (!_usage.TryGetValue(uid, out var usage))
        {
            usage = new ClientUsage();
            _usage[uid] = usage;
        }

        usage.Roll(Today());
        return usage;
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    private DateTimeOffset NextMidnight()
    {
        var now = _time.GetLocalNow();
        var midnight = now.Date.AddDays(1);
        return new DateTimeOffset(midnight, _time.LocalTimeZone.GetUtcOffset(midnight));
    }
}
