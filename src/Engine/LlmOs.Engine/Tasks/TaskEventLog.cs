namespace LlmOs.Engine.Tasks;

/// <summary>
/// A task's history, append-only. Any number of readers replay it from any point and then
/// follow it. The writer never waits for a reader, so a slow client cannot slow the model;
/// memory is bounded by the task's own limits (max tokens).
/// </summary>
public sealed class TaskEventLog
{
    private readonly List<TaskEvent> _events = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiter;
    private bool _closed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Appends an event; a final event closes the log.</summary>
    public void Append(TaskEvent taskEvent)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _events.Add(taskEvent);
            _closed = taskEvent.IsFinal;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Copies the events from index <paramref name="from"/> on into <paramref name="into"/>.</summary>
    public void CopyFrom(int from, List<TaskEvent> into)
    {
        lock (_gate)
        {
            for (int i = from; i < _events.Count; i++)
            {
                into.Add(_events[i]);
            }
        }
    }

    /// <summary>Waits until there are more than <paramref name="seen"/> events; false when the log is closed and all were seen.</summary>
    public async ValueTask<bool> WaitForMoreAsync(int seen, CancellationToken cancellationToken)
    {
        Task wait;
        lock (_gate)
        {
            if (_events.Count > seen)
            {
                return true;
            }

            if (_closed)
            {
                return false;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _waiter.Task;
        }

        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
