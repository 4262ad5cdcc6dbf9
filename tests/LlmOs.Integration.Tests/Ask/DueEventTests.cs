using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// Timers and reminders fall due as <c>due</c> events on <c>GET /v1/events</c>, on time, across a daemon restart, and
/// late (marked so) when they fell due while the daemon was down.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DueEventTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_timer_set_by_ask_falls_due_on_time_as_a_due_event_and_the_stream_ends_with_the_daemon()
    {
        using var dir = new TempDir();
        await using var daemon = await AskDaemon.StartAsync(dir.Path, withModel: false);
        await using var events = await DueEventStream.OpenAsync(daemon.Socket);
        using var following = new CancellationTokenSource(Patience);
        await using var library = daemon.Client.WatchEventsAsync(following.Token).GetAsyncEnumerator(following.Token);
        var fromLibrary = library.MoveNextAsync().AsTask(); // LlmosClient over the socket: subscribed well before the 2 s are up

        var set = Stopwatch.StartNew();
        var (status, body) = await AskDaemon.AskAsync(daemon.Http, "set a pasta timer for 2 seconds");
        Assert.True(status == 200, body.ToString());
        Assert.Equal("timer.set", body.GetProperty("intent").GetString());

        var due = await events.NextAsync(Patience);
        Assert.InRange(set.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
        Assert.Equal(["id", "kind", "label", "due_at", "fired_at", "late", "duration_seconds"], due.EnumerateObject().Select(p => p.Name));
        Assert.Equal("timer", due.GetProperty("kind").GetString());
        Assert.Equal("pasta", due.GetProperty("label").GetString());
        Assert.Equal(2, due.GetProperty("duration_seconds").GetInt64());
        Assert.False(due.GetProperty("late").GetBoolean());
        Assert.True(await fromLibrary);
        Assert.Equal(due.GetProperty("id").GetString(), library.Current.Id);
        Assert.Equal("pasta", library.Current.Label);

        await daemon.TerminateAsync();
        Assert.True(await events.EndsWithinAsync(TimeSpan.FromSeconds(5)), "the event stream must end when the daemon stops");
    }

    [Fact]
    public async Task A_pending_timer_survives_a_restart_and_falls_due_after_it()
    {
        using var dir = new TempDir();
        await using (var first = await AskDaemon.StartAsync(dir.Path, withModel: false))
        {
            var (status, body) = await AskDaemon.AskAsync(first.Http, "set a timer for 5 seconds");
            Assert.True(status == 200, body.ToString());
            Assert.Equal("timer.set", body.GetProperty("intent").GetString());
            await first.TerminateAsync();
        }

        await using var second = await AskDaemon.StartAsync(dir.Path, withModel: false);
        await using var events = await DueEventStream.OpenAsync(second.Socket);
        var due = await events.NextAsync(Patience);
        Assert.Equal("timer", due.GetProperty("kind").GetString());
        Assert.Equal(5, due.GetProperty("duration_seconds").GetInt64());
        Assert.False(due.GetProperty("late").GetBoolean(), "it fell due while the daemon ran");
    }

    [Fact]
    public async Task A_reminder_due_while_the_daemon_was_down_reaches_the_next_subscriber_after_a_restart_marked_late_and_once()
    {
        using var dir = new TempDir();
        string stateFile;
        Stopwatch set, answered;
        await using (var first = await AskDaemon.StartAsync(dir.Path, withModel: false))
        {
            // 6 s: the first ask also builds the intent engine (after READY=1 since the cold-start work), and the stop
            // below must come before the reminder falls due, or it fires while the daemon runs and is not late.
            set = Stopwatch.StartNew(); // the reminder falls due 6 s after some instant after this
            var (status, body) = await AskDaemon.AskAsync(first.Http, "remind me to water the plants in 6 seconds");
            answered = Stopwatch.StartNew(); // ... and before this
            Assert.True(status == 200, body.ToString());
            Assert.Equal("reminder.add", body.GetProperty("intent").GetString());
            stateFile = Path.Combine(first.DataDir, "alarms.json");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stateFile)); // reminders are private

            // Nobody listens: it falls due while llmosd is down, and must wait for the owner's next subscriber.
            await first.TerminateAsync();
            Assert.True(set.Elapsed < TimeSpan.FromSeconds(6), $"the test's premise: llmosd stopped before the reminder fell due (after {set.Elapsed})");
        }

        // The second start must come after the reminder fell due (at most 6 s after the answer), or it is simply on time.
        if (TimeSpan.FromSeconds(7) - answered.Elapsed is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest);
        }

        await using var second = await AskDaemon.StartAsync(dir.Path, withModel: false);
        await using (var events = await DueEventStream.OpenAsync(second.Socket))
        {
            var due = await events.NextAsync(Patience);
            Assert.Equal("reminder", due.GetProperty("kind").GetString());
            Assert.Equal("water the plants", due.GetProperty("label").GetString());
            Assert.True(due.GetProperty("late").GetBoolean(), "it reached its owner only after a restart");
            Assert.True(due.GetProperty("fired_at").GetDateTimeOffset() >= due.GetProperty("due_at").GetDateTimeOffset());
            Assert.False(due.TryGetProperty("duration_seconds", out _));
        }

        // Received: it leaves the book, so a third start would not raise it again.
        await second.TerminateAsync();
        Assert.DoesNotContain("water the plants", await File.ReadAllTextAsync(stateFile));
    }
}
