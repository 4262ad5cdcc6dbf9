using LlmOs.Engine.Generation;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Tests.Vision;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests;

/// <summary>
/// The liveness check a watchdog asks: a worker whose single step (one native call) has run longer than the bound makes
/// the scheduler unresponsive; idle workers and steps that keep completing do not. Time is a manual clock, never waited on.
/// </summary>
public sealed class SchedulerLivenessTests : IAsyncLifetime
{
    private const uint Owner = 5001;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly SchedulerHarness _harness = new("stories");
    private readonly ManualTimeProvider _time = new();
    private readonly List<Scheduler> _schedulers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scheduler in _schedulers)
        {
            await scheduler.DisposeAsync();
        }

        await _harness.DisposeAsync();
    }

    [Fact]
    public void An_idle_scheduler_is_responsive_however_much_time_passes()
    {
        var scheduler = Create(new GatedTextBackend(new FakeTextBackend()));
        _time.Advance(Bound * 10);

        Assert.Equal(SchedulerLiveness.Idle, scheduler.CheckLiveness(Bound));
    }

    [Fact]
    public async Task A_step_stuck_past_the_bound_makes_it_unresponsive_until_the_step_returns()
    {
        var gate = new GatedTextBackend(new FakeTextBackend());
        var scheduler = Create(gate);
        var task = SchedulerHarness.Submit(scheduler, Owner, "Once upon a time");
        await Eventually.TrueAsync(() => gate.Entered == 1, "the first step reaches the gate");

        var started = scheduler.CheckLiveness(Bound);
        Assert.True(started.IsResponsive);
        Assert.Equal("stories", started.Worker);
        Assert.Equal(TimeSpan.Zero, started.Running);

        _time.Advance(Bound);
        Assert.True(scheduler.CheckLiveness(Bound).IsResponsive, "a step of exactly the bound is not yet a hang");

        _time.Advance(TimeSpan.FromSeconds(1));
        var stuck = scheduler.CheckLiveness(Bound);
        Assert.False(stuck.IsResponsive);
        Assert.Equal("stories", stuck.Worker);
        Assert.Equal(Bound + TimeSpan.FromSeconds(1), stuck.Running);
        Assert.Equal(TaskState.Running, task.State);

        gate.Open();
        await SchedulerHarness.FinishedAsync(task);
        await SchedulerHarness.IdleAsync(scheduler);
        await Eventually.TrueAsync(() => scheduler.CheckLiveness(Bound).Worker is null, "the last step has returned");
        Assert.True(scheduler.CheckLiveness(Bound).IsResponsive);
        Assert.Equal(TaskState.Completed, task.State);
    }

    [Fact]
    public async Task A_generation_longer_than_the_bound_stays_responsive_while_its_steps_complete()
    {
        var gate = new GatedTextBackend(new FakeTextBackend { Pieces = [.. Enumerable.Range(0, 20).Select(i => $"{i} ")] });
        var scheduler = Create(gate);
        var task = SchedulerHarness.Submit(scheduler, Owner, "Once upon a time");
        await Eventually.TrueAsync(() => gate.Entered == 1, "the first step reaches the gate");

        // Each step takes 2/3 of the bound; five of them take more than three bounds in all.
        var perStep = Bound * 2 / 3;
        for (int step = 1; step <= 5; step++)
        {
            _time.Advance(perStep);
            var during = scheduler.CheckLiveness(Bound);
            Assert.True(during.IsResponsive, $"step {step} ran {during.Running}");
            Assert.Equal(perStep, during.Running);

            gate.Step();
            await Eventually.TrueAsync(() => gate.Entered == step + 1, $"step {step + 1} reaches the gate");
        }

        Assert.Equal(TaskState.Running, task.State);
        gate.Open();
        await SchedulerHarness.FinishedAsync(task);
        Assert.Equal(TaskState.Completed, task.State);
    }

    [Fact]
    public async Task A_stuck_recognition_names_the_ocr_worker_and_a_cancelled_one_frees_it()
    {
        var ocr = new FakeOcrEngine();
        ocr.Hold();
        var scheduler = Create(new GatedTextBackend(new FakeTextBackend()), ocr);
        var task = scheduler.SubmitOcr(Owner, new RgbImage(2, 2, new byte[12]), "eng", TaskPriority.Interactive);
        await Eventually.TrueAsync(() => ocr.Running == 1, "the recognition runs");

        _time.Advance(Bound + TimeSpan.FromSeconds(5));
        var stuck = scheduler.CheckLiveness(Bound);

        Assert.False(stuck.IsResponsive);
        Assert.Equal(TaskRecord.OcrModelName, stuck.Worker);
        Assert.Equal(Bound + TimeSpan.FromSeconds(5), stuck.Running);

        Assert.True(scheduler.Cancel(task));
        await task.Finished.WaitAsync(SchedulerHarness.Patience);
        await Eventually.TrueAsync(() => scheduler.CheckLiveness(Bound).IsResponsive, "the cancelled recognition has returned");
        Assert.Null(scheduler.CheckLiveness(Bound).Worker);
    }

    private Scheduler Create(GatedTextBackend backend, IOcrEngine? ocr = null)
    {
        var options = new SchedulerOptions { KeepAlive = Timeout.InfiniteTimeSpan };
        var scheduler = new Scheduler(backend, _harness.Registry, _harness.Store, options, _time, NullLogger<Scheduler>.Instance, ocr: ocr);
        _schedulers.Add(scheduler);
        return scheduler;
    }
}
