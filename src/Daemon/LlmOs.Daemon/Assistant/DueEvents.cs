using LlmOs.Daemon.Requests;
using LlmOs.Engine.Skills.Alarms;
using LlmOs.Ipc.Events;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Assistant;

/// <summary>
/// Hands each alarm that falls due to the owner's subscribers (<c>GET /v1/events</c> streams, D-Bus connections that
/// called <c>Subscribe</c>), and to nobody else: a reminder's text is its owner's. An alarm that falls due while its
/// owner has no subscriber (typically one that fell due while llmosd was down and fires on start, before any client is
/// back) is kept, up to <see cref="MaxKeptPerUid"/> per uid for <see cref="KeepFor"/>, and delivered to the owner's
/// next subscriber: a missed reminder should still reach its person.
/// </summary>
internal sealed class DueEvents : IDisposable
{
    public const int MaxKeptPerUid = 32;
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    private readonly AlarmBook _alarms;
    private readonly TimeProvider _time;
    private readonly ILogger<DueEvents> _logger;
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];
    private readonly Dictionary<uint, Queue<DueEventDto>> _kept = [];

    public DueEvents(AlarmBook alarms, TimeProvider time, ILogger<DueEvents> logger)
    {
        _alarms = alarms;
        _time = time;
        _logger = logger;
        alarms.Due += OnDue;
    }

    /// <summary>
    /// Calls <paramref name="onDue"/> (on a timer thread; it must not block) for each of <paramref name="uid"/>'s alarms
    /// that falls due, first for those kept while nobody listened, until the returned subscription is disposed.
    /// </summary>
    public IDisposable Subscribe(uint uid, Action<DueEventDto> onDue)
    {
        var subscriber = new Subscriber(this, uid, onDue);
        List<DueEventDto>? missed = null;
        lock (_gate)
        {
            _subscribers.Add(subscriber);
            if (_kept.Remove(uid, out var kept))
            {
                var oldest = _time.GetUtcNow() - KeepFor;
                missed = [.. kept.Where(e => e.FiredAt >= oldest)];
            }
        }

        foreach (var due in missed ?? [])
        {
            Deliver(subscriber, due);
        }

        return subscriber;
    }

    public void Dispose() => _alarms.Due -= OnDue;

    internal void Publish(uint uid, DueEventDto due)
    {
        Subscriber[] owners;
        lock (_gate)
        {
            owners = [.. _subscribers.Where(s => s.Uid == uid)];
            if (owners.Length == 0)
            {
                var kept = _kept.TryGetValue(uid, out var queue) ? queue : _kept[uid] = new Queue<DueEventDto>();
                if (kept.Count == MaxKeptPerUid)
                {
                    kept.Dequeue();
                }

                kept.Enqueue(due);
            }
        }

        if (owners.Length == 0)
        {
            AskLog.DueKept(_logger, due.Kind, due.Id, uid);
            return;
        }

        AskLog.Due(_logger, due.Kind, due.Id, uid, due.Late, owners.Length);
        foreach (var owner in owners)
        {
            Deliver(owner, due);
        }
    }

    private void OnDue(AlarmDue due) => Publish(due.Alarm.OwnerUid, AskMapper.ToDto(due));

    private void Deliver(Subscriber subscriber, DueEventDto due)
    {
        try
        {
            subscriber.OnDue(due);
        }
#pragma warning disable CA1031 // one subscriber's failure must not keep the event from the others, nor reach the alarm book's timer
        catch (Exception e)
#pragma warning restore CA1031
        {
            AskLog.SubscriberFailed(_logger, e, subscriber.Uid);
        }
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }

    private sealed class Subscriber(DueEvents events, uint uid, Action<DueEventDto> onDue) : IDisposable
    {
        public uint Uid => uid;

        public Action<DueEventDto> OnDue => onDue;

        public void Dispose() => events.Remove(this);
    }
}
