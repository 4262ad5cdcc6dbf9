namespace LlmOs.Engine.Skills.Alarms;

public sealed partial class AlarmBook
{
    /// <summary>
    /// The longest a single timer waits. System timers take at most about 49 days; an alarm further out is
    /// re-armed when this runs out.
    /// </summary>
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private readonly Dictionary<(uint Uid, string Id), ITimer> _timers = [];

    /// <summary>
    /// Loads the file, fires what fell due meanwhile (marked late), raises again (late) what fired before but never
    /// reached its owner, and arms the rest.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
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
                return;
            }

            _started = true;
            var now = time.GetUtcNow();
            DropExpired(now);
            foreach (var alarm in _alarms.OrderBy(a => a.FiredAt ?? a.DueAt).ThenBy(a => a.DueAt).ToList())
            {
                if (!_alarms.Exists(a => ReferenceEquals(a, alarm)))
                {
                    continue; // dropped: more were waiting for the uid than it may keep
                }

                if (alarm.Pending && alarm.DueAt > now)
                {
                    Arm(alarm);
                    continue;
                }

                // Late either way: it fell due, or was still waiting for its owner, while llmosd was down.
                var fired = MarkFired(alarm, now, late: true);
                late.Add(new AlarmDue(fired, fired.FiredAt!.Value, Late: true));
            }

            late.RemoveAll(due => !_alarms.Exists(a => ReferenceEquals(a, due.Alarm))); // beyond what one uid may keep waiting
            pending = _alarms.Count(a => a.Pending);
        }

        await TrySaveAsync(cancellationToken).ConfigureAwait(false);
        AlarmsLog.Loaded(logger, pending, stateFile);
        foreach (var due in late)
        {
            Raise(due);
        }
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

            Disarm(alarm);
            due = new AlarmDue(MarkFired(alarm, now, late: false), now, Late: false);
        }

        // Handlers first (they may acknowledge it at once), then one save for both; a timer thread does not wait for it.
        Raise(due);
        _ = TrySaveAsync(CancellationToken.None);
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
