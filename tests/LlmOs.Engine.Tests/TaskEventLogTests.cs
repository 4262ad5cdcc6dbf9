using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Tests;

public sealed class TaskEventLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>A reader as the daemon's event stream is: replay from <paramref name="from"/>, then follow to the end.</summary>
    private static async Task<List<TaskEvent>> ReadToEndAsync(TaskEventLog log, int from, CancellationToken cancellationToken)
    {
        var seen = new List<TaskEvent>();
        int position = from;
        while (await log.WaitForMoreAsync(position, cancellationToken))
        {
            int before = seen.Count;
            log.CopyFrom(position, seen);
            position += seen.Count - before;
        }

        return seen;
    }

    [Fact]
    public async Task Reader_replays_from_zero_then_follows_until_the_final_event()
    {
        var log = new TaskEventLog();
        log.Append(new TaskEvent(TaskEventKind.Queued));
        log.Append(new TaskEvent(TaskEventKind.Started));

        var reading = ReadToEndAsync(log, 0, CancellationToken.None);
        log.Append(new TaskEvent(TaskEventKind.Delta, "Once"));
        await Task.Delay(20);
        log.Append(new TaskEvent(TaskEventKind.Delta, " upon"));
        log.Append(new TaskEvent(TaskEventKind.Completed));
        var events = await reading.WaitAsync(Patience);

        Assert.Equal(
            [TaskEventKind.Queued, TaskEventKind.Started, TaskEventKind.Delta, TaskEventKind.Delta, TaskEventKind.Completed],
            events.Select(e => e.Kind));
        Assert.Equal("Once upon", string.Concat(events.Select(e => e.Text)));
    }

    [Fact]
    public async Task Reader_joining_late_replays_from_its_own_position()
    {
        var log = new TaskEventLog();
        log.Append(new TaskEvent(TaskEventKind.Queued));
        log.Append(new TaskEvent(TaskEventKind.Started));
        log.Append(new TaskEvent(TaskEventKind.Delta, "x"));
        log.Append(new TaskEvent(TaskEventKind.Failed));

        var events = await ReadToEndAsync(log, 2, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal([new TaskEvent(TaskEventKind.Delta, "x"), new TaskEvent(TaskEventKind.Failed)], events);
    }

    [Fact]
    public async Task WaitForMore_is_true_while_unseen_events_exist_and_false_once_closed_and_all_seen()
    {
        var log = new TaskEventLog();
        log.Append(new TaskEvent(TaskEventKind.Queued));
        log.Append(new TaskEvent(TaskEventKind.Cancelled));

        Assert.True(await log.WaitForMoreAsync(0, CancellationToken.None));
        Assert.True(await log.WaitForMoreAsync(1, CancellationToken.None));
        Assert.False(await log.WaitForMoreAsync(2, CancellationToken.None));
    }

    [Fact]
    public void Appends_after_the_final_event_are_ignored()
    {
        var log = new TaskEventLog();
        log.Append(new TaskEvent(TaskEventKind.Queued));
        log.Append(new TaskEvent(TaskEventKind.Completed));

        log.Append(new TaskEvent(TaskEventKind.Delta, "late"));
        log.Append(new TaskEvent(TaskEventKind.Failed));

        Assert.Equal(2, log.Count);
        var events = new List<TaskEvent>();
        log.CopyFrom(0, events);
        Assert.Equal([new TaskEvent(TaskEventKind.Queued), new TaskEvent(TaskEventKind.Completed)], events);
    }

    [Fact]
    public async Task Waiter_is_woken_by_Append()
    {
        var log = new TaskEventLog();
        log.Append(new TaskEvent(TaskEventKind.Queued));

        var waiting = log.WaitForMoreAsync(1, CancellationToken.None).AsTask();
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);

        log.Append(new TaskEvent(TaskEventKind.Started));

        Assert.True(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Several_waiters_are_all_woken_by_one_Append()
    {
        var log = new TaskEventLog();
        var waiters = Enumerable.Range(0, 5).Select(_ => log.WaitForMoreAsync(0, CancellationToken.None).AsTask()).ToList();

        log.Append(new TaskEvent(TaskEventKind.Queued));

        bool[] results = await Task.WhenAll(waiters).WaitAsync(Patience);
        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task Cancelling_WaitForMore_throws_OperationCanceledException()
    {
        var log = new TaskEventLog();
        log.Append(new TaskEvent(TaskEventKind.Queued));
        using var cancellation = new CancellationTokenSource();

        var waiting = log.WaitForMoreAsync(1, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_stop_a_later_one_being_woken()
    {
        var log = new TaskEventLog();
        using var cancellation = new CancellationTokenSource();
        var first = log.WaitForMoreAsync(0, cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var second = log.WaitForMoreAsync(0, CancellationToken.None).AsTask();
        log.Append(new TaskEvent(TaskEventKind.Queued));

        Assert.True(await second.WaitAsync(Patience));
    }
}
