using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Skills.Alarms;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.Skills;

public sealed class AlarmBookTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly TimerTimeProvider _time = new(Start);
    private readonly ConcurrentQueue<AlarmDue> _fired = new();

    private string StateFile => _temp.Combine("state", "alarms.json");

    public void Dispose() => _temp.Dispose();

    private AlarmBook NewBook()
    {
        var book = new AlarmBook(StateFile, _time, NullLogger<AlarmBook>.Instance);
        book.Due += _fired.Enqueue;
        return book;
    }

    [Fact]
    public async Task An_added_alarm_is_in_the_file_and_a_new_book_on_it_sees_it()
    {
        using (var book = NewBook())
        {
            await book.StartAsync(CancellationToken.None);
            var added = await book.AddAsync(AlarmKind.Timer, 1000, "pasta", Start.AddMinutes(10), TimeSpan.FromMinutes(10), CancellationToken.None);
            Assert.Equal("1", added.Id);
        }

        using var again = NewBook();
        await again.StartAsync(CancellationToken.None);
        var alarm = Assert.Single(again.List(1000));
        Assert.Equal(("1", AlarmKind.Timer, "pasta", Start.AddMinutes(10), TimeSpan.FromMinutes(10)), (alarm.Id, alarm.Kind, alarm.Label, alarm.DueAt, alarm.Duration));
        Assert.False(File.Exists(StateFile + ".tmp"));
    }

    [Fact]
    public async Task Ids_are_short_per_uid_and_each_uid_sees_only_its_own()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        var a = await book.AddAsync(AlarmKind.Timer, 1000, "", Start.AddMinutes(5), TimeSpan.FromMinutes(5), CancellationToken.None);
        var b = await book.AddAsync(AlarmKind.Reminder, 1000, "call Anna", Start.AddMinutes(1), null, CancellationToken.None);
        var c = await book.AddAsync(AlarmKind.Timer, 1001, "", Start.AddMinutes(5), TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(["1", "2", "1"], new[] { a.Id, b.Id, c.Id });
        Assert.Equal(["2", "1"], book.List(1000).Select(x => x.Id)); // soonest first
        Assert.Equal("2", Assert.Single(book.List(1000, AlarmKind.Reminder)).Id);
        Assert.Single(book.List(1001));
        Assert.False(await book.CancelAsync(1001, "2", CancellationToken.None));
        Assert.Equal(2, book.List(1000).Count);
    }

    [Fact]
    public async Task An_alarm_fires_on_time_and_stays_in_the_file_undelivered_until_acknowledged()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        var added = await book.AddAsync(AlarmKind.Timer, 1000, "eggs", Start.AddSeconds(90), TimeSpan.FromSeconds(90), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(89));
        Assert.Empty(_fired);
        _time.Advance(TimeSpan.FromSeconds(1));

        var due = Assert.Single(_fired);
        Assert.Equal(("eggs", false, Start.AddSeconds(90)), (due.Alarm.Label, due.Late, due.FiredAt));
        Assert.Empty(book.List(1000)); // no longer pending
        Assert.False(await book.CancelAsync(1000, added.Id, CancellationToken.None));
        await book.FlushAsync(CancellationToken.None);
        using (var reread = new AlarmBook(StateFile, _time, NullLogger<AlarmBook>.Instance))
        {
            Assert.Empty(reread.List(1000));
            Assert.Equal(Start.AddSeconds(90), Assert.Single(reread.Undelivered(1000)).FiredAt);
        }

        Assert.True(await book.AcknowledgeAsync(1000, added.Id, CancellationToken.None));
        Assert.False(await book.AcknowledgeAsync(1000, added.Id, CancellationToken.None));
        Assert.Empty(book.Undelivered(1000));
        using var afterwards = new AlarmBook(StateFile, _time, NullLogger<AlarmBook>.Instance);
        Assert.Empty(afterwards.Undelivered(1000));
    }

    [Fact]
    public async Task A_fired_alarm_nobody_received_is_raised_again_late_on_start_and_a_received_one_is_not()
    {
        using (var book = NewBook())
        {
            await book.StartAsync(CancellationToken.None);
            await book.AddAsync(AlarmKind.Reminder, 1000, "call Anna", Start.AddMinutes(1), null, CancellationToken.None);
            await book.AddAsync(AlarmKind.Reminder, 1000, "feed the cat", Start.AddMinutes(2), null, CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(2, _fired.Count);
            Assert.True(await book.AcknowledgeAsync(1000, _fired.Last().Alarm.Id, CancellationToken.None)); // "feed the cat" reached its owner
            await book.FlushAsync(CancellationToken.None);
        }

        _fired.Clear();
        _time.Advance(TimeSpan.FromMinutes(10));
        using var restarted = NewBook();
        await restarted.StartAsync(CancellationToken.None);
        var again = Assert.Single(_fired);
        Assert.Equal(("call Anna", true, Start.AddMinutes(1)), (again.Alarm.Label, again.Late, again.FiredAt));
        Assert.Empty(restarted.List(1000));
        Assert.Equal("call Anna", Assert.Single(restarted.Undelivered(1000)).Alarm.Label);
    }

    [Fact]
    public async Task Undelivered_alarms_are_kept_a_day_at_most_and_a_bounded_number_per_uid()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        for (int i = 0; i < AlarmBook.MaxUndeliveredPerOwner + 3; i++)
        {
            await book.AddAsync(AlarmKind.Timer, 1000, "t" + i, Start.AddMinutes(1 + i), null, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromHours(1));
        var waiting = book.Undelivered(1000);
        Assert.Equal(AlarmBook.MaxUndeliveredPerOwner, waiting.Count);
        Assert.Equal("t3", waiting[0].Alarm.Label); // the oldest went first

        _time.Advance(AlarmBook.KeepUndeliveredFor);
        Assert.Empty(book.Undelivered(1000));
        await book.FlushAsync(CancellationToken.None);
        _fired.Clear();
        using var restarted = NewBook();
        await restarted.StartAsync(CancellationToken.None);
        Assert.Empty(_fired);
        Assert.Equal("[]", (await File.ReadAllTextAsync(StateFile)).Trim());
    }

    [Fact]
    public async Task The_file_and_its_set_aside_copy_are_readable_by_their_owner_only()
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        await File.WriteAllTextAsync(StateFile + ".tmp", "left by a crash");
        File.SetUnixFileMode(StateFile + ".tmp", OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using (var book = NewBook())
        {
            await book.StartAsync(CancellationToken.None);
            await book.AddAsync(AlarmKind.Reminder, 1000, "see the doctor", Start.AddDays(1), null, CancellationToken.None);
        }

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(StateFile));
        Assert.Contains("see the doctor", await File.ReadAllTextAsync(StateFile));

        File.SetUnixFileMode(StateFile, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await File.WriteAllTextAsync(StateFile, "{ not json");
        using var broken = NewBook();
        await broken.StartAsync(CancellationToken.None);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(StateFile + ".bad"));
    }

    [Fact]
    public async Task An_alarm_that_fell_due_while_the_daemon_was_down_fires_late_on_start_and_the_rest_stay_armed()
    {
        using (var book = NewBook())
        {
            await book.StartAsync(CancellationToken.None);
            await book.AddAsync(AlarmKind.Reminder, 1000, "call Anna", Start.AddMinutes(10), null, CancellationToken.None);
            await book.AddAsync(AlarmKind.Reminder, 1000, "water the plants", Start.AddHours(3), null, CancellationToken.None);
        }

        Assert.Equal(0, _time.ArmedCount); // disposing stopped the timers: the "daemon" is down
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(_fired);

        using var restarted = NewBook();
        await restarted.StartAsync(CancellationToken.None);
        var late = Assert.Single(_fired);
        Assert.Equal(("call Anna", true), (late.Alarm.Label, late.Late));
        Assert.Equal("water the plants", Assert.Single(restarted.List(1000)).Label);

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, _fired.Count);
        Assert.False(_fired.Last().Late);
    }

    [Fact]
    public async Task An_alarm_further_out_than_one_timer_waits_is_rearmed_and_fires_on_its_day()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        await book.AddAsync(AlarmKind.Reminder, 1000, "renew the passport", Start.AddDays(45), null, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(44));
        Assert.Empty(_fired);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Start.AddDays(45), Assert.Single(_fired).FiredAt);
    }

    [Fact]
    public async Task A_cancelled_alarm_never_fires()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        var alarm = await book.AddAsync(AlarmKind.Timer, 1000, "", Start.AddMinutes(1), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(await book.CancelAsync(1000, alarm.Id, CancellationToken.None));
        Assert.False(await book.CancelAsync(1000, alarm.Id, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(_fired);
        Assert.Equal(0, _time.ArmedCount);
    }

    [Fact]
    public async Task A_corrupt_file_is_moved_aside_and_the_book_starts_empty()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFile)!);
        await File.WriteAllTextAsync(StateFile, "{ this is not json");
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        Assert.Empty(book.List(1000));
        Assert.Equal("{ this is not json", await File.ReadAllTextAsync(StateFile + ".bad"));

        await book.AddAsync(AlarmKind.Timer, 1000, "", Start.AddMinutes(1), TimeSpan.FromMinutes(1), CancellationToken.None);
        using var reread = new AlarmBook(StateFile, _time, NullLogger<AlarmBook>.Instance);
        Assert.Single(reread.List(1000));
    }

    [Fact]
    public async Task A_uid_may_have_at_most_the_limit_and_another_uid_is_not_affected()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        for (int i = 0; i < AlarmBook.MaxPerOwner; i++)
        {
            await book.AddAsync(AlarmKind.Timer, 1000, "", Start.AddMinutes(1 + i), TimeSpan.FromMinutes(1 + i), CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<EngineException>(() =>
            book.AddAsync(AlarmKind.Timer, 1000, "", Start.AddHours(5), TimeSpan.FromHours(5), CancellationToken.None));
        Assert.Equal(ErrorKind.QuotaExceeded, refused.Kind);
        Assert.Equal("1", (await book.AddAsync(AlarmKind.Timer, 1001, "", Start.AddHours(5), null, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task A_failing_due_handler_does_not_stop_the_others()
    {
        using var book = NewBook();
        book.Due += _ => throw new InvalidOperationException("handler broke");
        await book.StartAsync(CancellationToken.None);
        await book.AddAsync(AlarmKind.Timer, 1000, "a", Start.AddMinutes(1), null, CancellationToken.None);
        await book.AddAsync(AlarmKind.Timer, 1000, "b", Start.AddMinutes(2), null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(["a", "b"], _fired.Select(d => d.Alarm.Label));
        Assert.Empty(book.List(1000));
    }

    [Fact]
    public async Task Adds_from_many_threads_at_once_get_distinct_ids_and_all_reach_the_file()
    {
        using var book = NewBook();
        await book.StartAsync(CancellationToken.None);
        var added = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() =>
            book.AddAsync(AlarmKind.Timer, 1000, "t" + i, Start.AddMinutes(i), TimeSpan.FromMinutes(i), CancellationToken.None))));
        Assert.Equal(50, added.Select(a => a.Id).Distinct().Count());
        using var reread = new AlarmBook(StateFile, _time, NullLogger<AlarmBook>.Instance);
        Assert.Equal(50, reread.List(1000).Count);
    }
}
