using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.SchedulerHarness;

namespace LlmOs.Engine.Tests;

/// <summary>Per-uid limits: queued tasks, concurrent sequences, daily tokens; and the usage each client sees.</summary>
public sealed class SchedulerLimitsTests : IAsyncLifetime
{
    private const uint Limited = 3001;
    private const uint Other = 3002;

    private readonly SchedulerHarness _harness = new("alpha", "beta");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Max_sequences_per_uid_keeps_a_uids_second_task_waiting_while_another_uid_uses_a_free_slot()
    {
        var backend = new FakeTextBackend();
        backend.Hold("limited-1");
        backend.Hold("other-1");
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 3, MaxSequencesPerUid = 1 });

        var limited1 = Submit(scheduler, Limited, "limited-1", "alpha");
        await StartedAsync(backend, "limited-1");
        var limited2 = Submit(scheduler, Limited, "limited-2", "alpha");
        var other1 = Submit(scheduler, Other, "other-1", "alpha");
        await StartedAsync(backend, "other-1");
        var model = Assert.Single(backend.LoadedModels);
        int stepsThen = model.Steps;
        await Eventually.TrueAsync(() => model.Steps >= stepsThen + 3, "the batch steps on");

        // A slot is free, yet the limited uid's second task waits: it already has its one sequence.
        Assert.Equal(TaskState.Queued, limited2.State);
        Assert.Equal(2, model.OpenSequences);
        var usage = scheduler.UsageFor(Limited);
        Assert.Equal((1, 1, 1), (usage.Queued, usage.Running, usage.MaxSequences));
        Assert.Equal(1, scheduler.UsageFor(Other).Running);

        backend.Release("limited-1");
        await limited2.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, limited2.State);
        Assert.True(limited2.StartedAt >= limited1.FinishedAt);
        Assert.Equal(TaskState.Running, other1.State); // still held: the other uid was never blocked
        Assert.Equal(2, model.MaxConcurrentGenerations);
        backend.Release("other-1");
        await other1.Finished.WaitAsync(Patience);
    }

    [Fact]
    public async Task Max_sequences_per_uid_counts_across_models_and_the_waiting_model_starts_when_the_other_finishes()
    {
        var backend = new FakeTextBackend { PieceDelay = TimeSpan.FromMilliseconds(20) }; // few clock reads per step
        backend.Hold("on-alpha");
        var time = new CountingTimeProvider();
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 2, MaxSequencesPerUid = 1 }, time);

        var onAlpha = Submit(scheduler, Limited, "on-alpha", "alpha");
        await StartedAsync(backend, "on-alpha");
        var onBeta = Submit(scheduler, Limited, "on-beta", "beta");
        await Eventually.TrueAsync(() => scheduler.StateOf("beta") == ModelWorkerState.Loaded, "beta is loaded for its waiting task");

        // beta's task may not run while alpha runs one of the same uid's; its worker must wait for that, not spin.
        long readsBefore = time.TimestampReads;
        await Task.Delay(200);
        long reads = time.TimestampReads - readsBefore;
        Assert.Equal(TaskState.Queued, onBeta.State);
        Assert.True(reads < 100, $"the clock was read {reads} times in 200 ms while nothing could run: a worker spins");

        backend.Release("on-alpha");
        await FinishedAsync(onAlpha, onBeta);

        Assert.Equal(TaskState.Completed, onBeta.State);
        Assert.True(onBeta.StartedAt >= onAlpha.FinishedAt);
    }

    [Fact]
    public async Task Max_queued_per_uid_refuses_that_uid_with_busy_and_retry_after_but_not_others()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 1, MaxQueuedPerUid = 2 });
        var running = Submit(scheduler, Limited, "running", "alpha");
        await StartedAsync(backend, "running");
        var queued = new[] { Submit(scheduler, Limited, "q-1", "alpha"), Submit(scheduler, Limited, "q-2", "alpha") };

        var e = Assert.Throws<EngineException>(() => Submit(scheduler, Limited, "q-3", "alpha"));

        Assert.Equal(ErrorKind.Busy, e.Kind);
        Assert.NotNull(e.RetryAfter);
        Assert.True(e.RetryAfter > TimeSpan.Zero);
        Assert.Contains("2 tasks waiting", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, _harness.Store.List(Limited).Count);
        var others = new[] { Submit(scheduler, Other, "o-1", "alpha"), Submit(scheduler, Other, "o-2", "alpha") };
        Assert.Equal(4, scheduler.QueueDepth);

        // A cancelled task frees its place at once.
        scheduler.Cancel(queued[0]);
        var replacement = Submit(scheduler, Limited, "q-4", "alpha");

        backend.Release("running");
        await FinishedAsync([running, queued[1], replacement, .. others]);
        Assert.All(others.Append(replacement), t => Assert.Equal(TaskState.Completed, t.State));
    }

    [Fact]
    public async Task Daily_tokens_run_out_with_quota_exceeded_until_local_midnight_and_the_count_resets_the_next_day()
    {
        // 22:30 local on 1 March in a UTC+02:00 zone: local midnight is 1 h 30 min away.
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
        var time = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 20, 30, 0, TimeSpan.Zero)) { LocalZone = zone };
        var backend = new FakeTextBackend(); // five tokens per task
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 1, DailyTokensPerUid = 8 }, time);
        var midnight = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.FromHours(2));

        var first = Submit(scheduler, Limited, "first", "alpha");
        await first.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler); // the tokens are counted when the worker lets go of the task, just after it completes
        Assert.Equal(5, scheduler.UsageFor(Limited).TokensToday);
        var second = Submit(scheduler, Limited, "second", "alpha"); // 5 of 8 used: admitted, and may overrun the rest
        await second.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler);

        var usage = scheduler.UsageFor(Limited);
        Assert.Equal(10, usage.TokensToday);
        Assert.Equal(8, usage.DailyTokenLimit);
        Assert.Equal(midnight, usage.ResetsAt);
        var e = Assert.Throws<EngineException>(() => Submit(scheduler, Limited, "third", "alpha"));
        Assert.Equal(ErrorKind.QuotaExceeded, e.Kind);
        Assert.Equal(TimeSpan.FromMinutes(90), e.RetryAfter);
        Assert.Contains("2025-03-02 00:00 +02:00", e.Message, StringComparison.Ordinal);
        var other = Submit(scheduler, Other, "other", "alpha"); // another uid's budget is its own
        await other.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler);

        time.Advance(TimeSpan.FromMinutes(89));
        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Throws<EngineException>(() => Submit(scheduler, Limited, "still", "alpha")).RetryAfter);

        time.Advance(TimeSpan.FromMinutes(1)); // local midnight: a new day
        Assert.Equal(0, scheduler.UsageFor(Limited).TokensToday);
        Assert.Equal(midnight.AddDays(1), scheduler.UsageFor(Limited).ResetsAt);
        var nextDay = Submit(scheduler, Limited, "next day", "alpha");
        await nextDay.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler);

        Assert.Equal(TaskState.Completed, nextDay.State);
        Assert.Equal(5, scheduler.UsageFor(Limited).TokensToday);
        Assert.Equal(0, scheduler.UsageFor(Other).TokensToday); // yesterday's five are yesterday's
    }

    [Fact]
    public async Task Usage_reports_queued_running_and_tokens_today_per_uid_with_the_limits()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var options = new SchedulerOptions { ParallelSequences = 1, MaxQueuedPerUid = 10, MaxSequencesPerUid = 3, DailyTokensPerUid = 1000 };
        var scheduler = _harness.Create(backend, options);

        var fresh = scheduler.UsageFor(Limited);
        Assert.Equal((0, 0, 0L), (fresh.Queued, fresh.Running, fresh.TokensToday));
        Assert.Equal((1000L, 10, 3), (fresh.DailyTokenLimit, fresh.MaxQueued, fresh.MaxSequences));
        Assert.Equal(Limited, fresh.Uid);
        Assert.True(fresh.ResetsAt > DateTimeOffset.UtcNow && fresh.ResetsAt <= DateTimeOffset.UtcNow.AddDays(1).AddHours(1));

        var running = Submit(scheduler, Limited, "running", "alpha");
        await StartedAsync(backend, "running");
        var queued = new[] { Submit(scheduler, Limited, "q-1", "alpha"), Submit(scheduler, Limited, "q-2", "alpha"), Submit(scheduler, Other, "o-1", "alpha") };

        var busy = scheduler.UsageFor(Limited);
        Assert.Equal((2, 1, 0L), (busy.Queued, busy.Running, busy.TokensToday));
        Assert.Equal((1, 0, 0L), (scheduler.UsageFor(Other).Queued, scheduler.UsageFor(Other).Running, scheduler.UsageFor(Other).TokensToday));

        backend.Release("running");
        await FinishedAsync([running, .. queued]);
        await IdleAsync(scheduler);

        var done = scheduler.UsageFor(Limited);
        Assert.Equal((0, 0, 15L), (done.Queued, done.Running, done.TokensToday));
        Assert.Equal(5, scheduler.UsageFor(Other).TokensToday);
    }
}
