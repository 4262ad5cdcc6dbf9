using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.SchedulerHarness;

namespace LlmOs.Engine.Tests;

/// <summary>Round-robin across uids, priorities and the waiting counts, through the scheduler with one sequence at a time.</summary>
public sealed class SchedulerFairnessTests : IAsyncLifetime
{
    private const uint Bursty = 2001;
    private const uint Other = 2002;

    private readonly SchedulerHarness _harness = new("stories");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Scheduler CreateScheduler(FakeTextBackend backend) =>
        _harness.Create(backend, new SchedulerOptions { ParallelSequences = 1 });

    [Fact]
    public async Task Single_task_of_a_second_uid_starts_right_after_the_running_task_of_a_burst_of_twenty()
    {
        var backend = new FakeTextBackend();
        backend.Hold("burst-0");
        var scheduler = CreateScheduler(backend);

        var burst = Enumerable.Range(0, 20).Select(i => Submit(scheduler, Bursty, $"burst-{i}")).ToList();
        await StartedAsync(backend, "burst-0");
        var single = Submit(scheduler, Other, "single");
        Assert.Equal(20, scheduler.QueueDepth);

        backend.Release("burst-0");
        await FinishedAsync([.. burst, single]);

        Assert.Equal(["burst-0", "single", .. Enumerable.Range(1, 19).Select(i => $"burst-{i}")], backend.StartedPrompts);
        Assert.All(burst.Append(single), t => Assert.Equal(TaskState.Completed, t.State));
        Assert.True(single.StartedAt <= burst[1].StartedAt);
        await IdleAsync(scheduler);
    }

    [Fact]
    public async Task Second_uid_overtakes_a_burst_that_was_submitted_after_the_bursts_first_task_had_already_started()
    {
        var backend = new FakeTextBackend();
        backend.Hold("burst-0");
        var scheduler = CreateScheduler(backend);

        var first = Submit(scheduler, Bursty, "burst-0");
        await StartedAsync(backend, "burst-0"); // the uid's queue is empty now
        var rest = Enumerable.Range(1, 5).Select(i => Submit(scheduler, Bursty, $"burst-{i}")).ToList();
        var single = Submit(scheduler, Other, "single");

        backend.Release("burst-0");
        await FinishedAsync([first, .. rest, single]);

        Assert.Equal(["burst-0", "single", "burst-1", "burst-2", "burst-3", "burst-4", "burst-5"], backend.StartedPrompts);
    }

    [Fact]
    public async Task Background_task_submitted_first_starts_after_an_interactive_one_submitted_later()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var scheduler = CreateScheduler(backend);

        var running = Submit(scheduler, Bursty, "running", priority: TaskPriority.Background);
        await StartedAsync(backend, "running");
        var background = Submit(scheduler, Bursty, "background", priority: TaskPriority.Background);
        var interactive = Submit(scheduler, Other, "interactive");
        Assert.Equal(1, scheduler.QueueDepthOf(TaskPriority.Background));
        Assert.Equal(1, scheduler.QueueDepthOf(TaskPriority.Interactive));

        backend.Release("running");
        await FinishedAsync(running, background, interactive);

        Assert.Equal(["running", "interactive", "background"], backend.StartedPrompts);
        Assert.True(interactive.StartedAt <= background.StartedAt);
        Assert.Equal(0, scheduler.QueueDepthOf(TaskPriority.Background));
        Assert.Equal(0, scheduler.QueueDepthOf(TaskPriority.Interactive));
    }

    [Fact]
    public async Task Interactive_work_of_the_same_uid_also_goes_before_its_background_work()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var scheduler = CreateScheduler(backend);

        var running = Submit(scheduler, Bursty, "running");
        await StartedAsync(backend, "running");
        var tasks = new[]
        {
            Submit(scheduler, Bursty, "bg-1", priority: TaskPriority.Background),
            Submit(scheduler, Bursty, "bg-2", priority: TaskPriority.Background),
            Submit(scheduler, Bursty, "fg-1"),
        };

        backend.Release("running");
        await FinishedAsync([running, .. tasks]);

        Assert.Equal(["running", "fg-1", "bg-1", "bg-2"], backend.StartedPrompts);
    }

    [Fact]
    public async Task Cancelled_queued_tasks_leave_the_counts_at_once_and_are_skipped_by_the_worker()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var scheduler = CreateScheduler(backend);
        var running = Submit(scheduler, Bursty, "running");
        await StartedAsync(backend, "running");
        var queued = new[]
        {
            Submit(scheduler, Bursty, "q-0"),
            Submit(scheduler, Bursty, "q-1", priority: TaskPriority.Background),
            Submit(scheduler, Other, "q-2"),
            Submit(scheduler, Bursty, "q-3"),
        };
        Assert.Equal(4, scheduler.QueueDepth);
        Assert.Equal(3, scheduler.UsageFor(Bursty).Queued);

        Assert.True(scheduler.Cancel(queued[0]));
        Assert.True(scheduler.Cancel(queued[1]));
        Assert.True(scheduler.Cancel(queued[2]));

        Assert.Equal(1, scheduler.QueueDepth);
        Assert.Equal(0, scheduler.QueueDepthOf(TaskPriority.Background));
        Assert.Equal(1, scheduler.UsageFor(Bursty).Queued);
        Assert.Equal(1, scheduler.UsageFor(Bursty).Running);
        Assert.Equal(0, scheduler.UsageFor(Other).Queued);

        backend.Release("running");
        await FinishedAsync([running, .. queued]);
        await IdleAsync(scheduler);

        Assert.Equal(["running", "q-3"], backend.StartedPrompts);
        Assert.All(queued.Take(3), t => Assert.Equal(TaskState.Cancelled, t.State));
        Assert.Equal(TaskState.Completed, queued[3].State);
        Assert.Equal(0, scheduler.UsageFor(Bursty).Queued);
        Assert.Equal(0, scheduler.UsageFor(Bursty).Running);
    }

    [Fact]
    public async Task When_every_waiting_task_is_cancelled_the_model_goes_idle_and_serves_the_next_one()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var scheduler = CreateScheduler(backend);
        var running = Submit(scheduler, Bursty, "running");
        await StartedAsync(backend, "running");
        var queued = Enumerable.Range(0, 3).Select(i => Submit(scheduler, Other, $"q-{i}")).ToList();
        queued.ForEach(t => scheduler.Cancel(t));
        Assert.Equal(0, scheduler.QueueDepth);

        backend.Release("running");
        await running.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler);
        var later = Submit(scheduler, Other, "later");
        await later.Finished.WaitAsync(Patience);

        Assert.Equal(["running", "later"], backend.StartedPrompts);
        Assert.Equal(1, backend.LoadCount);
    }
}
