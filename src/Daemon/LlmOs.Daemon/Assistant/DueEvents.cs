using LlmOs.Daemon.Requests;
using LlmOs.Engine.Skills.Alarms;
using LlmOs.Ipc.Events;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Assistant;

/// <summary>
/// Hands each alarm that falls due to the owner's subscribers (<c>GET /v1/events</c> streams, D-Bus connections that
/// called <c>Subscribe</c>), and to nobody else: a reminder's text is its owner's. Once one subscriber took it, the
/// alarm book is told (<see cref="AlarmBook.AcknowledgeAsync"/>). An alarm that falls due while its owner has no
/// subscriber (typically one that fired on start, before any client is back) stays in the book, and its file, and
/// goes to the owner's next subscriber: a missed reminder should still reach its person, even across a restart.
/// </summary>
internal sealed class DueEvents : IDisposable
{
    private readonly AlarmBook _alarms;
    private readonly ILogger<DueEvents> _logger;
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];

    public DueEvents(AlarmBook alarms, ILogger<DueEvents> logger)
    {
        _alarms = alarms;
        _logger = logger;
        alarms.Due += OnDue;
    }

    /// <summary>
    /// Calls <paramref name="onDue"/> (on a timer thread; it must not block) for each of <paramref name="uid"/>'s alarms
    /// that falls due, first for those that fell due while nobody of the uid listened, until the returned subscription
    /// is disposed.
    /// </summary>
    public IDisposable Subscribe(uint uid, Action<DueEventDto> onDue)
    {
        var subscriber = new Subscriber(this, uid, onDue);
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        // Read after joining: an alarm firing meanwhile is either in this list or reaches the subscriber through
        // OnDue (or both: the subscriber takes each alarm once).
        foreach (var missed in _alarms.Undelivered(uid))
        {
            if (Deliver(subscriber, missed))
            {
                Acknowledge(missed);
            }
        }

        return subscriber;
    }

    public void Dispose() => _alarms.Due -= OnDue;

    private void OnDue(AlarmDue due)
    {
        uint uid = due.Alarm.OwnerUid;
        Subscriber[] owners;
        lock (_gate)
        {
            owners = [.. _subscribers.Where(s => s.Uid == uid)];
        }

        if (owners.Length == 0)
        {
            AskLog.DueKept(_logger, KindName(due), due.Alarm.Id, uid);
            return;
        }

        AskLog.Due(_logger, KindName(due), due.Alarm.Id, uid, due.Late, owners.Length);
        bool received = false;
        foreach (var owner in owners)
        {
            received |= Deliver(owner, due);
        }

        if (received)
        {
            Acknowledge(due);
        }
    }

    /// <summary>True when the subscriber has the event (now or before); false when its handler failed.</summary>
    private bool Deliver(Subscriber subscriber, AlarmDue due)
    {
        if (!subscriber.FirstTime(due.Alarm))
        {
            return true;
        }

        try
        {
            subscriber.OnDue(AskMapper.ToDto(due));
            return true;
        }
#pragma warning disable CA1031 // one subscriber's failure must not keep the event from the others, nor reach the alarm book's timer
        catch (Exception e)
#pragma warning restore CA1031
        {
            AskLog.SubscriberFailed(_logger, e, subscriber.Uid);
            return false;
        }
    }

    /// <summary>The book drops it at once and saves in the background (it logs a failed save itself, never throws one).</summary>
    private void Acknowledge(AlarmDue due) => _ = _alarms.AcknowledgeAsync(due.Alarm.OwnerUid, due.Alarm.Id, CancellationToken.None);

    private static string KindName(AlarmDue due) => due.Alarm.Kind == AlarmKind.Timer ? EventNames.TimerKind : EventNames.ReminderKind;

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }

    private sealed class Subscriber(DueEvents events, uint uid, Action<DueEventDto> onDue) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly HashSet<(string Id, DateTimeOffset DueAt)> _seen = [];

        public uint Uid => uid;

        public Action<DueEventDto> OnDue => onDue;

        /// <summary>
        /// True the first time this subscriber gets the alarm. An id is reused only after its alarm left the book, and
        /// then for one due later: id and due time name one alarm.
        /// </summary>
        public bool FirstTime(Alarm alarm)
        {
            lock (_gate)
            {
                return _seen.Add((alarm.Id, alarm.DueAt));
            }
        }

        public void Dispose() => events.Remove(this);
    }
}
