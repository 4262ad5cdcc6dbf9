using System.Globalization;
using LlmOs.Daemon.Assistant;
using LlmOs.Engine.Skills.Alarms;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>
/// Due events go to their owner's subscribers only; the alarm book keeps (in its file) those nobody of the owner
/// heard until the owner's next subscriber takes them. The alarms here fell due "while the daemon was down": the
/// book fires them on start, at once and on the test's thread.
/// </summary>
public sealed class DueEventsTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly AlarmBook _alarms;
    private readonly DueEvents _events;

    public DueEventsTests()
    {
        _alarms = new AlarmBook(StateFile, TimeProvider.System, NullLogger<AlarmBook>.Instance);
        _events = new DueEvents(_alarms, NullLogger<DueEvents>.Instance);
    }

    private string StateFile => Path.Combine(_dir.Path, "alarms.json");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _events.Dispose();
        _alarms.Dispose();
        await _alarms.FlushAsync(CancellationToken.None);
        _dir.Dispose();
    }

    /// <summary>Writes the book's file (before anything reads it): reminders that fell due a minute ago, (uid, id) each.</summary>
    private async Task WriteOverdueAsync(params (uint Uid, string Id)[] reminders)
    {
        var due = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o", CultureInfo.InvariantCulture);
        var entries = reminders.Select(r =>
            $$"""{"id":"{{r.Id}}","kind":"Reminder","owner_uid":{{r.Uid}},"label":"call Anna","due_at":"{{due}}","created_at":"{{due}}"}""");
        await File.WriteAllTextAsync(StateFile, "[" + string.Join(',', entries) + "]");
    }

    [Fact]
    public async Task An_event_reaches_every_subscriber_of_its_owner_and_nobody_else_and_is_then_delivered()
    {
        await WriteOverdueAsync((1000, "1"));
        var ana = new List<string>();
        var anaToo = new List<string>();
        var bob = new List<string>();
        using var a = _events.Subscribe(1000, e => ana.Add(e.Id));
        using var a2 = _events.Subscribe(1000, e => anaToo.Add(e.Id));
        using var b = _events.Subscribe(1001, e => bob.Add(e.Id));

        await _alarms.StartAsync(CancellationToken.None);

        Assert.Equal(["1"], ana);
        Assert.Equal(["1"], anaToo);
        Assert.Empty(bob);
        Assert.Empty(_alarms.Undelivered(1000));
    }

    [Fact]
    public async Task Events_nobody_heard_wait_in_the_book_for_the_owners_next_subscriber_and_go_to_it_once()
    {
        await WriteOverdueAsync((1000, "1"), (1000, "2"), (1001, "1"));
        await _alarms.StartAsync(CancellationToken.None);
        Assert.Equal(2, _alarms.Undelivered(1000).Count);

        var first = new List<(string Id, bool Late)>();
        using (_events.Subscribe(1000, e => first.Add((e.Id, e.Late))))
        {
            Assert.Equal([("1", true), ("2", true)], first);
        }

        var second = new List<string>();
        using var again = _events.Subscribe(1000, e => second.Add(e.Id));
        Assert.Empty(second);

        await _alarms.FlushAsync(CancellationToken.None);
        using var reread = new AlarmBook(StateFile, TimeProvider.System, NullLogger<AlarmBook>.Instance);
        Assert.Empty(reread.Undelivered(1000));
        Assert.Single(reread.Undelivered(1001)); // bob's still waits, in the file too
    }

    [Fact]
    public async Task An_event_only_a_failing_subscriber_got_still_waits_and_a_failing_one_does_not_stop_the_others()
    {
        await WriteOverdueAsync((1000, "1"));
        using (_events.Subscribe(1000, _ => throw new InvalidOperationException("a broken subscriber")))
        {
            await _alarms.StartAsync(CancellationToken.None);
            Assert.Single(_alarms.Undelivered(1000));

            var seen = new List<string>();
            using var working = _events.Subscribe(1000, e => seen.Add(e.Id));
            Assert.Equal(["1"], seen);
        }

        Assert.Empty(_alarms.Undelivered(1000));
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more()
    {
        await WriteOverdueAsync((1000, "1"));
        var seen = new List<string>();
        var subscription = _events.Subscribe(1000, e => seen.Add(e.Id));
        subscription.Dispose();
        await _alarms.StartAsync(CancellationToken.None);
        Assert.Empty(seen);
        Assert.Single(_alarms.Undelivered(1000));
    }
}
