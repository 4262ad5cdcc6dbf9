namespace LlmOs.Engine.Skills.Alarms;

public sealed partial class AlarmBook
{
    /// <summary>
    /// The longest a single timer waits. System timers take at most about 49 days; an alarm further out is
    /// re-armed when this runs out.
    /// </summary>
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private readonly Dictionary<(uint Uid, string Id), ITimer> _timers = [];

    /// <summary>Loads the file, fires what fell due meanwhile (marked late), and arms the rest.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var late = new List<AlarmDue>();
        int pending;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnsureLoaded();
            if (_started)
            {
                return Task.CompletedTask;
            }

            _started = true;
            var now = time.GetUtcNow();
            foreach (var alarm in _alarms.ToList())
            {
                if (alarm.DueAt <= now)
                {
                    _alarms.Remove(alarm);
                    late.Add(new AlarmDue(alarm, now, Late: true));
                }
                else
                {
                    Arm(alarm);
                }
            }

            if (late.Count > 0)
            {
                TrySave();
            }

            pending = _alarms.Count;
        }

        AlarmsLog.Loaded(logger, pending, stateFile);
        foreach (var due in late)
        {
            Raise(due);
        }

        return Task.CompletedTask;
    }

    /// <summary>Arms (or re-arms) the alarm's timer. Called under the lock.</summary>
    private void Arm(Alarm alarm)
    {
        var delay = alarm.DueAt - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxTimerDelay ? MaxTimerDelay : delay;
        Disarm(alarm);
        _timers[(alarm.OwnerUid, alarm.Id)] = time.CreateTimer(
            static state => ((Armed)state!).Book.OnTimer(((Armed)state!).Alarm),
            new Armed(this, alarm),
            delay,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the alarm's timer, if it has one. Called under the lock.</summary>
    private void Disarm(Alarm alarm)
    {
        if (_timers.Remove((alarm.OwnerUid, alarm.Id), out var timer))
        {
            timer.Dispose();
        }
    }

    private void OnTimer(Alarm alarm)
    {
        AlarmDue due;
        lock (_gate)
        {
            // Cancelled meanwhile (its id may already name a newer alarm: only this very alarm counts).
            if (_disposed || !_alarms.Exists(a => ReferenceEquals(a, alarm)))
            {
                return;
            }

            var now = time.GetUtcNow();
            if (alarm.DueAt > now)
            {
                Arm(alarm); // a wait longer than one timer takes, or a clock that moved back
                return;
            }

            _alarms.Remove(alarm);
            Disarm(alarm);
            TrySave();
            due = new AlarmDue(alarm, now, Late: false);
        }

        Raise(due);
    }

    /// <summary>Tells the handlers, outside the lock; a failing handler is logged, never lets a timer thread crash the daemon.</summary>
    private void Raise(AlarmDue due)
    {
        var alarm = due.Alarm;
        AlarmsLog.Fired(logger, alarm.Kind, alarm.Id, alarm.OwnerUid, due.Late);
        try
        {
            Due?.Invoke(due);
        }
        catch (Exception e)
        {
            AlarmsLog.HandlerFailed(logger, e, alarm.Kind, alarm.Id, alarm.OwnerUid);
        }
    }

    private sealed record Armed(AlarmBook Book, Alarm Alarm);
}
