using LlmOs.Daemon.Requests;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Follows one task's event log (as the socket's event stream does) and sends its signals to its recipients: the
/// submitting connection and those that called Watch. Text goes out as coalesced <c>Delta</c>s
/// (<see cref="DeltaCoalescer"/>), a voice task's transcript and intent as <c>Transcript</c> and <c>Intent</c>, state
/// changes as <c>PropertiesChanged</c>, and the end as <c>Finished</c>, after the last of the text. The engine never waits for it: the log is append-only and this reads at its own pace.
/// </summary>
internal sealed class TaskSignalForwarder(TaskRecord task, DBusConnection connection, string recipient, int from, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<string> _recipients = [recipient];
    private readonly DeltaCoalescer _coalescer = new();
    private readonly string _path = DBusNames.TaskPath(task.Id);
    private readonly long _started = time.GetTimestamp();
    private string[] _snapshot = [recipient];
    private bool _closed;

    public TaskRecord Record { get; } = task;

    /// <summary>Our connection the signals go out on.</summary>
    public DBusConnection Connection { get; } = connection;

    /// <summary>Completes when the forwarder has stopped (set by <see cref="TaskSignals"/> when it starts it).</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Adds a recipient from now on; false when the forwarder has finished (the task has ended).</summary>
    public bool TryAdd(string uniqueName)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            if (!_recipients.Contains(uniqueName))
            {
                _recipients.Add(uniqueName);
                _snapshot = [.. _recipients];
            }

            return true;
        }
    }

    /// <summary>Stops sending to a connection that left the bus; the bus would only answer each signal with an error.</summary>
    public void Remove(string uniqueName)
    {
        lock (_gate)
        {
            if (_recipients.Remove(uniqueName))
            {
                _snapshot = [.. _recipients];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FollowAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _closed = true;
            }
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var batch = new List<TaskEvent>();
        int next = from;
        Task? due = null;
        while (true)
        {
            bool hasMore;
            var more = Record.Events.WaitForMoreAsync(next, cancellationToken);
            if (more.IsCompleted || !_coalescer.HasPending)
            {
                hasMore = await more.ConfigureAwait(false);
            }
            else
            {
                // Held-back text goes out when its time comes, unless more events come first.
                due ??= Task.Delay(Max(_coalescer.DueAt - Now, TimeSpan.Zero), time, cancellationToken);
                var moreTask = more.AsTask();
                if (await Task.WhenAny(moreTask, due).ConfigureAwait(false) != moreTask)
                {
                    await due.ConfigureAwait(false); // throws when cancelled
                    SendDelta(_coalescer.Flush());
                    due = null;
                    continue;
                }

                hasMore = await moreTask.ConfigureAwait(false);
            }

            if (!hasMore || TryCloseIfNobody())
            {
                return; // the task has ended, or nobody listens any more (and nobody can join now)
            }

            batch.Clear();
            Record.Events.CopyFrom(next, batch);
            next += batch.Count;
            foreach (var taskEvent in batch)
            {
                if (taskEvent.Kind == TaskEventKind.Delta)
                {
                    due = SendDelta(_coalescer.Add(taskEvent.Text!, Now)) ? null : due;
                }
                else if (taskEvent.Kind is TaskEventKind.Transcript or TaskEventKind.Intent)
                {
                    // What a voice task heard and understood: signals of their own, not a change of state.
                    SendDelta(_coalescer.Flush());
                    due = null;
                    SendText(taskEvent.Kind == TaskEventKind.Transcript ? "Transcript" : "Intent", taskEvent.Text ?? "");
                }
                else if (taskEvent.Kind != TaskEventKind.Queued)
                {
                    // Text before a state change goes out before it; the final event ends the forwarder.
                    SendDelta(_coalescer.Flush());
                    due = null;
                    SendState(taskEvent.IsFinal);
                    if (taskEvent.IsFinal)
                    {
                        return;
                    }
                }
            }

            if (SendDelta(_coalescer.FlushIfDue(Now)))
            {
                due = null;
            }
        }
    }

    private TimeSpan Now => time.GetElapsedTime(_started);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Sends a Delta to every recipient when there is text; true when it did.</summary>
    private bool SendDelta(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (string destination in Recipients())
        {
            TaskSignalWriter.Delta(Connection, destination, _path, text);
        }

        return true;
    }

    private void SendText(string member, string text)
    {
        foreach (string destination in Recipients())
        {
            TaskSignalWriter.Text(Connection, destination, _path, member, text);
        }
    }

    private void SendState(bool final)
    {
        var dto = DtoMapper.ToDto(Record);

        // The last signals go to exactly those who have joined by now; one who comes later is refused and starts anew.
        foreach (string destination in final ? Close() : Recipients())
        {
            TaskSignalWriter.PropertiesChanged(Connection, destination, _path, dto);
            if (final)
            {
                TaskSignalWriter.Finished(Connection, destination, _path, dto);
            }
        }
    }

    /// <summary>Closes the forwarder when it has no recipient left, atomically with <see cref="TryAdd"/>.</summary>
    private bool TryCloseIfNobody()
    {
        lock (_gate)
        {
            _closed |= _recipients.Count == 0;
            return _closed;
        }
    }

    /// <summary>Closes the forwarder and hands back its recipients: no one joins after this.</summary>
    private string[] Close()
    {
        lock (_gate)
        {
            _closed = true;
            return _snapshot;
        }
    }

    private string[] Recipients()
    {
        lock (_gate)
        {
            return _snapshot;
        }
    }
}
