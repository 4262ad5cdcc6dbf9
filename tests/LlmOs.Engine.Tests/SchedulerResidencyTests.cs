using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.SchedulerHarness;

namespace LlmOs.Engine.Tests;

/// <summary>The memory budget, eviction of idle models, waiting for memory, keep-alive, explicit load and unload.</summary>
public sealed class SchedulerResidencyTests : IAsyncLifetime
{
    private const uint Owner = 4001;

    // What the scheduler asks of the backend with one sequence and the default context (stories260K is trained on 2048).
    private static readonly TextModelSettings OneSequence = new(2048, 1, 0);

    private readonly SchedulerHarness _harness = new("alpha", "beta");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>Room for one model of the harness, not two.</summary>
    private long OneModelBudget => _harness.EstimateOf("alpha", OneSequence) * 3 / 2;

    private Scheduler CreateScheduler(FakeTextBackend backend, long budget, TimeSpan? keepAlive = null) =>
        _harness.Create(backend, new SchedulerOptions
        {
            ParallelSequences = 1,
            MemoryBudgetBytes = budget,
            KeepAlive = keepAlive ?? TimeSpan.FromMinutes(5),
        });

    private static FakeTextModel Loaded(FakeTextBackend backend, string name) =>
        backend.LoadedModels.Last(m => m.Name == name);

    [Fact]
    public async Task Loading_a_second_model_evicts_the_idle_first_one_when_both_do_not_fit()
    {
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, OneModelBudget);

        var first = Submit(scheduler, Owner, "for alpha", "alpha");
        await first.Finished.WaitAsync(Patience);
        var alpha = Loaded(backend, "alpha");
        Assert.False(alpha.Disposed);
        Assert.Equal("alpha", Assert.Single(scheduler.Resident()).Name);

        var second = Submit(scheduler, Owner, "for beta", "beta");
        await second.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, second.State);
        Assert.True(alpha.Disposed, "the idle alpha was not unloaded to make room for beta");
        Assert.False(Loaded(backend, "beta").Disposed);
        var resident = Assert.Single(scheduler.Resident());
        Assert.Equal("beta", resident.Name);
        Assert.Equal(ModelWorkerState.Unloaded, scheduler.StateOf("alpha"));
        Assert.Equal(ModelWorkerState.Loaded, scheduler.StateOf("beta"));
        Assert.Equal([OneSequence, OneSequence], backend.LoadSettings);
        Assert.Equal(_harness.EstimateOf("beta", OneSequence), scheduler.MemoryReservedBytes);
    }

    [Fact]
    public async Task Least_recently_used_idle_model_is_the_one_evicted()
    {
        var backend = new FakeTextBackend();
        long oneModel = _harness.EstimateOf("alpha", OneSequence);
        await using var harness = new SchedulerHarness("alpha", "beta", "gamma");
        var scheduler = harness.Create(backend, new SchedulerOptions { ParallelSequences = 1, MemoryBudgetBytes = oneModel * 5 / 2 });

        await Submit(scheduler, Owner, "a", "alpha").Finished.WaitAsync(Patience);
        await Submit(scheduler, Owner, "b", "beta").Finished.WaitAsync(Patience);
        await Submit(scheduler, Owner, "a again", "alpha").Finished.WaitAsync(Patience); // beta is now the least recently used
        await IdleAsync(scheduler);
        await Submit(scheduler, Owner, "g", "gamma").Finished.WaitAsync(Patience);

        Assert.True(Loaded(backend, "beta").Disposed);
        Assert.False(Loaded(backend, "alpha").Disposed);
        Assert.Equal(["alpha", "gamma"], scheduler.Resident().Select(m => m.Name));
        Assert.Equal(3, backend.LoadCount);
    }

    [Fact]
    public async Task Model_bigger_than_the_whole_budget_fails_its_task_as_too_large_without_loading()
    {
        var backend = new FakeTextBackend();
        long need = _harness.EstimateOf("alpha", OneSequence);
        var scheduler = CreateScheduler(backend, need - 1);

        var task = Submit(scheduler, Owner, "p", "alpha");
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Failed, task.State);
        Assert.Equal(ErrorKind.TooLarge, task.Error?.Kind);
        Assert.Contains("alpha", task.Error!.Message, StringComparison.Ordinal);
        Assert.Contains($"{need >> 20} MiB", task.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, backend.LoadCount);
        Assert.Empty(scheduler.Resident());
        Assert.Equal(0, scheduler.MemoryReservedBytes);
        await IdleAsync(scheduler);
    }

    [Fact]
    public async Task Model_that_does_not_fit_beside_a_busy_one_waits_queued_and_starts_when_the_busy_one_is_done()
    {
        var backend = new FakeTextBackend();
        backend.Hold("on alpha");
        var scheduler = CreateScheduler(backend, OneModelBudget);
        var onAlpha = Submit(scheduler, Owner, "on alpha", "alpha");
        await StartedAsync(backend, "on alpha");

        var onBeta = Submit(scheduler, Owner, "on beta", "beta");
        await Eventually.TrueAsync(() => scheduler.StateOf("beta") == ModelWorkerState.Loading, "beta waits for memory");
        await Task.Delay(100);

        Assert.Equal(TaskState.Queued, onBeta.State);
        Assert.Equal(1, scheduler.QueueDepth);
        Assert.Equal(1, backend.LoadCount);
        var alpha = Assert.Single(scheduler.Resident());
        Assert.Equal(("alpha", 1), (alpha.Name, alpha.ActiveSequences));

        backend.Release("on alpha");
        await FinishedAsync(onAlpha, onBeta);

        Assert.Equal(TaskState.Completed, onBeta.State);
        Assert.True(onBeta.StartedAt >= onAlpha.FinishedAt);
        Assert.True(Loaded(backend, "alpha").Disposed);
        Assert.Equal("beta", Assert.Single(scheduler.Resident()).Name);
    }

    [Fact]
    public async Task Keep_alive_zero_on_a_task_unloads_the_model_right_after_it()
    {
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, 8L << 30);

        var task = Submit(scheduler, Owner, "p", "alpha", keepAlive: TimeSpan.Zero);
        await task.Finished.WaitAsync(Patience);

        var model = Loaded(backend, "alpha");
        await Eventually.TrueAsync(() => model.Disposed, "the model is unloaded after its task");
        await Eventually.TrueAsync(() => scheduler.StateOf("alpha") == ModelWorkerState.Unloaded, "the worker reports it unloaded");
        Assert.Empty(scheduler.Resident());
        Assert.Equal(0, scheduler.MemoryReservedBytes);
        Assert.Equal(TaskState.Completed, task.State);

        var again = Submit(scheduler, Owner, "again", "alpha"); // loads again, and stays with the default keep-alive
        await again.Finished.WaitAsync(Patience);
        await Task.Delay(50);
        Assert.Equal(2, backend.LoadCount);
        Assert.False(Loaded(backend, "alpha").Disposed);
    }

    [Fact]
    public async Task Idle_model_unloads_after_the_default_keep_alive_and_not_before()
    {
        var keepAlive = TimeSpan.FromMilliseconds(300);
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, 8L << 30, keepAlive);

        var task = Submit(scheduler, Owner, "p", "alpha");
        await task.Finished.WaitAsync(Patience);
        var model = Loaded(backend, "alpha");
        await Eventually.TrueAsync(() => model.Disposed, "the idle model is unloaded");

        var keptFor = model.DisposedAt!.Value - task.FinishedAt!.Value;
        Assert.True(keptFor >= keepAlive - TimeSpan.FromMilliseconds(20), $"unloaded {keptFor} after its task, before its keep-alive {keepAlive} ran out");
        await Eventually.TrueAsync(() => scheduler.StateOf("alpha") == ModelWorkerState.Unloaded, "the worker reports it unloaded");
        Assert.Empty(scheduler.Resident());
        Assert.Equal(0, scheduler.MemoryReservedBytes);
        Assert.Equal(1, backend.LoadCount);
    }

    [Fact]
    public async Task Negative_keep_alive_keeps_the_model_until_a_task_with_the_default_lets_it_expire()
    {
        var keepAlive = TimeSpan.FromMilliseconds(100);
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, 8L << 30, keepAlive);

        var kept = Submit(scheduler, Owner, "keep", "alpha", keepAlive: Timeout.InfiniteTimeSpan);
        await kept.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler);
        await Task.Delay(keepAlive * 3);

        var model = Loaded(backend, "alpha");
        Assert.False(model.Disposed, "a model kept with keep-alive -1 was unloaded");
        var resident = Assert.Single(scheduler.Resident());
        Assert.Null(resident.ExpiresAt);

        var normal = Submit(scheduler, Owner, "normal", "alpha");
        await normal.Finished.WaitAsync(Patience);
        await Eventually.TrueAsync(() => model.Disposed, "the model expires after the default keep-alive");
        Assert.Equal(1, backend.LoadCount);
    }

    [Fact]
    public async Task Load_and_unload_by_name_do_what_they_say()
    {
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, 8L << 30);

        var loaded = await scheduler.LoadModelAsync("alpha", null, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(("alpha", ModelWorkerState.Loaded), (loaded.Name, loaded.State));
        Assert.Equal(_harness.EstimateOf("alpha", OneSequence), loaded.MemoryBytes);
        Assert.Equal(1, backend.LoadCount);
        var model = Loaded(backend, "alpha");
        Assert.False(model.Disposed);
        Assert.Equal("alpha", Assert.Single(scheduler.Resident()).Name);

        await scheduler.LoadModelAsync("alpha", null, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(1, backend.LoadCount); // already loaded: not loaded again

        Assert.True(await scheduler.UnloadModelAsync("alpha", CancellationToken.None).WaitAsync(Patience));
        Assert.True(model.Disposed);
        Assert.Empty(scheduler.Resident());
        Assert.Equal(0, scheduler.MemoryReservedBytes);
        Assert.False(await scheduler.UnloadModelAsync("alpha", CancellationToken.None).WaitAsync(Patience));
        Assert.False(await scheduler.UnloadModelAsync("beta", CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(ErrorKind.ModelNotFound, (await Assert.ThrowsAsync<EngineException>(() => scheduler.LoadModelAsync("nope", null, CancellationToken.None))).Kind);
    }

    [Fact]
    public async Task Load_keeps_the_model_for_the_keep_alive_it_asks_and_a_later_load_can_change_it()
    {
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, 8L << 30); // default keep-alive: 5 minutes

        var loaded = await scheduler.LoadModelAsync("alpha", TimeSpan.FromMinutes(2), CancellationToken.None).WaitAsync(Patience);

        Assert.NotNull(loaded.ExpiresAt);
        Assert.InRange(loaded.ExpiresAt!.Value - loaded.LoadedAt, TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        var kept = await scheduler.LoadModelAsync("alpha", Timeout.InfiniteTimeSpan, CancellationToken.None).WaitAsync(Patience);

        Assert.Null(kept.ExpiresAt);
        Assert.Equal(loaded.LoadedAt, kept.LoadedAt);
        Assert.Equal(1, backend.LoadCount);
    }

    [Fact]
    public async Task Unload_of_a_busy_model_waits_for_its_task_and_then_unloads()
    {
        var backend = new FakeTextBackend();
        backend.Hold("busy");
        var scheduler = CreateScheduler(backend, 8L << 30);
        var task = Submit(scheduler, Owner, "busy", "alpha");
        await StartedAsync(backend, "busy");

        var unload = scheduler.UnloadModelAsync("alpha", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(unload.IsCompleted);

        backend.Release("busy");
        Assert.True(await unload.WaitAsync(Patience));

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal("abcde", task.Result!.Text);
        Assert.True(Loaded(backend, "alpha").Disposed);
        Assert.Empty(scheduler.Resident());
    }

    [Fact]
    public async Task Loading_a_model_evicts_an_idle_one_when_the_budget_is_short()
    {
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend, OneModelBudget);
        await scheduler.LoadModelAsync("alpha", null, CancellationToken.None).WaitAsync(Patience);

        await scheduler.LoadModelAsync("beta", null, CancellationToken.None).WaitAsync(Patience);

        Assert.True(Loaded(backend, "alpha").Disposed);
        Assert.Equal("beta", Assert.Single(scheduler.Resident()).Name);
    }

    [Fact]
    public async Task Resident_model_reports_its_batch_size_configured_context_estimated_memory_and_expiry()
    {
        var backend = new FakeTextBackend();
        backend.Hold("busy");
        var keepAlive = TimeSpan.FromMinutes(3);
        var options = new SchedulerOptions { ParallelSequences = 3, ContextPerSequence = 4096, KeepAlive = keepAlive };
        var scheduler = _harness.Create(backend, options);
        var expected = new TextModelSettings(4096, 3, 0); // 4096 configured is honoured past the 2048 the model was trained on

        var task = Submit(scheduler, Owner, "busy", "alpha");
        await StartedAsync(backend, "busy");
        var busy = Assert.Single(scheduler.Resident());

        Assert.Equal(expected, Assert.Single(backend.LoadSettings));
        Assert.Equal("alpha", busy.Name);
        Assert.Equal(ModelKind.Text, busy.Kind);
        Assert.Equal(ModelWorkerState.Loaded, busy.State);
        Assert.Equal(3, busy.MaxSequences);
        Assert.Equal(4096, busy.ContextPerSequence);
        Assert.Equal(0, busy.GpuLayers);
        Assert.Equal(1, busy.ActiveSequences);
        Assert.Equal(_harness.EstimateOf("alpha", expected), busy.MemoryBytes);
        Assert.Equal(busy.MemoryBytes, scheduler.MemoryReservedBytes);
        Assert.Equal(options.MemoryBudgetBytes, scheduler.MemoryBudgetBytes);
        Assert.Null(busy.ExpiresAt); // working: no expiry
        Assert.InRange(busy.LoadedAt, task.CreatedAt, task.StartedAt!.Value);

        backend.Release("busy");
        await task.Finished.WaitAsync(Patience);
        await IdleAsync(scheduler);
        var idle = Assert.Single(scheduler.Resident());

        Assert.Equal(0, idle.ActiveSequences);
        Assert.NotNull(idle.ExpiresAt);
        Assert.InRange(idle.ExpiresAt!.Value, task.FinishedAt!.Value + keepAlive - TimeSpan.FromMilliseconds(100), DateTimeOffset.UtcNow + keepAlive);
    }

    [Fact]
    public async Task Without_a_configured_context_a_model_gets_its_trained_context_at_most_the_default()
    {
        var backend = new FakeTextBackend();
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 2 });

        var task = Submit(scheduler, Owner, "hello", "alpha");
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(new TextModelSettings(SchedulerOptions.DefaultContextPerSequence, 2, 0), Assert.Single(backend.LoadSettings));
    }
}
