using LlmOs.Daemon.Assistant;
using LlmOs.Engine.Skills.Alarms;
using LlmOs.Ipc.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>Due events go to their owner's subscribers only, and wait for the owner's next subscriber when nobody listens.</summary>
public sealed class DueEventsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly DueEvents _events;

    public DueEventsTests()
    {
        var alarms = new AlarmBook(Path.Combine(_dir.Path, "alarms.json"), TimeProvider.System, NullLogger<AlarmBook>.Instance);
        _events = new DueEvents(alarms, TimeProvider.System, NullLogger<DueEvents>.Instance);
    }

    public void Dispose()
    {
        _events.Dispose();
        _dir.Dispose();
    }

    private static DueEventDto Due(string id, bool late = false) =>
        new(id, EventNames.ReminderKind, "call Anna", DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow, late);

    [Fact]
    public void An_event_reaches_every_subscriber_of_its_owner_and_nobody_else()
    {
        var ana = new List<string>();
        var anaToo = new List<string>();
        var bob = new List<string>();
        using var a = _events.Subscribe(1000, e => ana.Add(e.Id));
        using var a2 = _events.Subscribe(1000, e => anaToo.Add(e.Id));
        using var b = _events.Subscribe(1001, e => bob.Add(e.Id));

        _events.Publish(1000, Due("r1"));

        Assert.Equal(["r1"], ana);
        Assert.Equal(["r1"], anaToo);
        Assert.Empty(bob);
    }

    [Fact]
    public void Events_nobody_heard_wait_for_the_owners_next_subscriber_and_go_to_it_once()
    {
        _events.Publish(1000, Due("missed-1", late: true));
        _events.Publish(1000, Due("missed-2", late: true));
        _events.Publish(1001, Due("bobs"));

        var first = new List<string>();
        using (_events.Subscribe(1000, e => first.Add(e.Id)))
        {
            Assert.Equal(["missed-1", "missed-2"], first);
        }

        var second = new List<string>();
        using var again = _events.Subscribe(1000, e => second.Add(e.Id));
        Assert.Empty(second);
    }

    [Fact]
    public void At_most_the_newest_kept_events_wait_and_a_failing_subscriber_does_not_stop_the_others()
    {
        for (int i = 0; i < DueEvents.MaxKeptPerUid + 5; i++)
        {
            _events.Publish(1000, Due("r" + i));
        }

        var seen = new List<string>();
        using var working = _events.Subscribe(1000, e => seen.Add(e.Id));
        Assert.Equal(DueEvents.MaxKeptPerUid, seen.Count);
        Assert.Equal("r5", seen[0]);

        seen.Clear();
        using var failing = _events.Subscribe(1000, _ => throw new InvalidOperationException("a broken subscriber"));
        _events.Publish(1000, Due("after"));
        Assert.Equal(["after"], seen);
    }

    [Fact]
    public void A_disposed_subscription_hears_nothing_more()
    {
        var seen = new List<string>();
        var subscription = _events.Subscribe(1000, e => seen.Add(e.Id));
        subscription.Dispose();
        _events.Publish(1000, Due("later"));
        Assert.Empty(seen);
    }
}
