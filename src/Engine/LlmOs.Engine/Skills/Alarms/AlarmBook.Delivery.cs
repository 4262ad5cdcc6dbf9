namespace LlmOs.Engine.Skills.Alarms;

public sealed partial class AlarmBook
{
    /// <summary>
    /// The uid's alarms that fired but did not reach it yet (nobody of the uid listened), oldest first, at most
    /// <see cref="MaxUndeliveredPerOwner"/>, none older than <see cref="KeepUndeliveredFor"/>.
    /// </summary>
    public IReadOnlyList<AlarmDue> Undelivered(uint ownerUid)
    {
        lock (_gate)
        {
            EnsureLoaded();
            var oldest = time.GetUtcNow() - KeepUndeliveredFor;
            return _alarms
                .Where(a => a.OwnerUid == ownerUid && a.FiredAt >= oldest)
                .OrderBy(a => a.FiredAt)
                .ThenBy(a => a.DueAt)
                .Select(a => new AlarmDue(a, a.FiredAt!.Value, a.FiredLate))
                .ToList();
        }
    }

    /// <summary>
    /// Tells the book that the owner received the fired alarm <paramref name="id"/>: it leaves the book (at once) and
    /// the file (before the returned task ends). False when no fired alarm of the uid has that id. Never throws for a
    /// failed save (it is logged); the next save tries again.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(uint ownerUid, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_disposed || _alarms.RemoveAll(a => !a.Pending && a.OwnerUid == ownerUid && a.Id == id) == 0)
            {
                return false;
            }

            _changes++;
        }

        await TrySaveAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Marks a pending alarm fired, in place, and keeps the uid's undelivered ones within bounds. Under the lock.</summary>
    private Alarm MarkFired(Alarm alarm, DateTimeOffset now, bool late)
    {
        var fired = alarm with { FiredAt = alarm.FiredAt ?? now, FiredLate = late };
        _alarms[_alarms.FindIndex(a => ReferenceEquals(a, alarm))] = fired;
        _changes++;
        var waiting = _alarms.Where(a => !a.Pending && a.OwnerUid == alarm.OwnerUid).OrderBy(a => a.FiredAt).ToList();
        for (int i = 0; i < waiting.Count - MaxUndeliveredPerOwner; i++)
        {
            _alarms.Remove(waiting[i]);
        }

        return fired;
    }

    /// <summary>Drops the fired alarms nobody received within <see cref="KeepUndeliveredFor"/>. Under the lock.</summary>
    private void DropExpired(DateTimeOffset now)
    {
        var oldest = now - KeepUndeliveredFor;
        if (_alarms.RemoveAll(a => a.FiredAt < oldest) > 0)
        {
            _changes++;
        }
    }
}
