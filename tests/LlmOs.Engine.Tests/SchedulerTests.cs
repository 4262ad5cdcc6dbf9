using System.Diagnostics;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests;

public sealed class SchedulerTests : IAsyncLifetime
{
    private const uint Owner = 1000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _temp = new();
    private readonly TaskStore _store = new(TimeProvider.System);
    private readonly List<Scheduler> _schedulers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scheduler in _schedulers)
        {
            await scheduler.DisposeAsync();
        }

        _temp.Dispose();
    }

    /// <summary>A scheduler over a real registry whose models folder holds a copy of stories260K.gguf per name.</summary>
    /// <summary>One sequence at a time, for the tests of queueing and cancelling; the batching tests set their own options.</summary>
    private Scheduler CreateScheduler(FakeTextBackend backend, int queueCapacity = 16, params string[] models) =>
        CreateScheduler(backend, new SchedulerOptions { QueueCapacity = queueCapacity, ParallelSequences = 1 }, models);

    private Scheduler CreateScheduler(FakeTextBackend backend, SchedulerOptions options, params string[] models)
    {
        string modelsDirectory = _temp.Combine("models");
        Directory.CreateDirectory(modelsDirectory);
        foreach (string name in models)
        {
            _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", name + ".gguf"));
        }

        var registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = modelsDirectory, StateFile = _temp.Combine("state", "models.json") },
            TimeProvider.System);
        var scheduler = new Scheduler(
            backend, registry, _store, options, TimeProvider.System, NullLogger<Scheduler>.Instance);
        _schedulers.Add(scheduler);
        return scheduler;
    }

    private Scheduler CreateScheduler(FakeTextBackend backend) => CreateScheduler(backend, 16, "stories");

    private static TaskRecord Submit(Scheduler scheduler, string prompt, GenerationOptions? options = null, string? model = null) =>
        scheduler.SubmitGenerate(new TaskSubmission(Owner, prompt, model, options ?? new GenerationOptions()));

    private static List<TaskEventKind> EventKinds(TaskRecord task)
    {
        var events = new List<TaskEvent>();
        task.Events.CopyFrom(0, events);
        return [.. events.Select(e => e.Kind)];
    }

    private static string DeltaText(TaskRecord task)
    {
        var events = new List<TaskEvent>();
        task.Events.CopyFrom(0, events);
        return string.Concat(events.Where(e => e.Kind == TaskEventKind.Delta).Select(e => e.Text));
    }

    private static Task StartedAsync(FakeTextBackend backend, string prompt) =>
        Eventually.TrueAsync(() => backend.StartedPrompts.Contains(prompt), $"the model starts on '{prompt}'");

    private static Task IdleAsync(Scheduler scheduler) =>
        Eventually.TrueAsync(() => scheduler.QueueDepth == 0 && scheduler.RunningCount == 0, "the scheduler is idle");

    [Fact]
    public async Task Task_runs_to_completion_with_the_models_text_and_token_count()
    {
        var backend = new FakeTextBackend();
        var scheduler = CreateScheduler(backend);

        var task = Submit(scheduler, "Once upon a time");
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal(new GenerationResult("abcde", 5, FinishReason.Stop), task.Result! with { PromptTokens = 0 });
        Assert.Equal(4, task.Result.PromptTokens); // the fake counts a prompt's words as its tokens
        Assert.Null(task.Error);
        Assert.Equal("stories", task.Model);
        Assert.Equal(Owner, task.OwnerUid);
        Assert.NotNull(task.StartedAt);
        Assert.NotNull(task.FinishedAt);
        Assert.Same(task, _store.Find(task.Id));
        Assert.Equal(["Once upon a time"], backend.StartedPrompts);
        Assert.Equal(
            [TaskEventKind.Queued, TaskEventKind.Started, .. Enumerable.Repeat(TaskEventKind.Delta, 5), TaskEventKind.Completed],
            EventKinds(task));
        Assert.Equal("abcde", DeltaText(task));
        Assert.Equal(ModelWorkerState.Loaded, scheduler.StateOf("stories"));
        await IdleAsync(scheduler);
    }

    [Fact]
    public async Task Max_tokens_ends_generation_with_finish_reason_length()
    {
        var scheduler = CreateScheduler(new FakeTextBackend());

        var task = Submit(scheduler, "p", new GenerationOptions { MaxTokens = 3 });
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(new GenerationResult("abc", 3, FinishReason.Length), task.Result! with { PromptTokens = 0 });
    }

    [Fact]
    public async Task Stop_sequence_cuts_the_result_and_finish_reason_is_stop()
    {
        var scheduler = CreateScheduler(new FakeTextBackend());

        var task = Submit(scheduler, "p", new GenerationOptions { Stop = ["cd"] });
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal("ab", task.Result!.Text);
        Assert.Equal(FinishReason.Stop, task.Result.FinishReason);
        Assert.Equal(4, task.Result.Tokens); // generation stopped at the piece that completed the stop sequence
        Assert.Equal("ab", DeltaText(task));
    }

    [Fact]
    public async Task Stop_sequence_split_across_pieces_never_reaches_the_stream()
    {
        var backend = new FakeTextBackend { Pieces = ["Hel", "lo wor", "ld", "!"] };
        var scheduler = CreateScheduler(backend);

        var task = Submit(scheduler, "p", new GenerationOptions { Stop = ["lo w"], MaxTokens = 2 });
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(new GenerationResult("Hel", 2, FinishReason.Stop), task.Result! with { PromptTokens = 0 });
        Assert.Equal("Hel", DeltaText(task));
    }

    [Fact]
    public async Task Tasks_for_one_model_run_together_in_one_batch_up_to_the_parallel_limit()
    {
        var backend = new FakeTextBackend { PieceDelay = TimeSpan.FromMilliseconds(2) };
        var scheduler = CreateScheduler(backend, new SchedulerOptions { ParallelSequences = 3 }, "stories");

        var tasks = Enumerable.Range(0, 7).Select(i => Submit(scheduler, $"p{i}")).ToList();
        await Task.WhenAll(tasks.Select(t => t.Finished)).WaitAsync(Patience);

        Assert.All(tasks, t => Assert.Equal("abcde", t.Result!.Text));
        Assert.Equal(["p0", "p1", "p2", "p3", "p4", "p5", "p6"], backend.StartedPrompts);
        var model = Assert.Single(backend.LoadedModels);
        Assert.Equal(3, model.MaxConcurrentGenerations);
        Assert.Equal(3, model.LargestBatch);
        Assert.True(model.Steps < 7 * 5, $"{model.Steps} steps for 7 tasks of 5 pieces: not batched");
        Assert.Equal(1, backend.LoadCount);
        Assert.Equal(3, Assert.Single(backend.LoadSettings).Sequences);
    }

    [Fact]
    public async Task Full_queue_refuses_with_busy_and_retry_after_then_drains_to_zero()
    {
        var backend = new FakeTextBackend();
        backend.Hold("running");
        var scheduler = CreateScheduler(backend, new SchedulerOptions { QueueCapacity = 2, ParallelSequences = 1 }, "stories");

        var running = Submit(scheduler, "running");
        await StartedAsync(backend, "running");
        var queued = new[] { Submit(scheduler, "q1"), Submit(scheduler, "q2") };
        Assert.Equal(2, scheduler.QueueDepth);

        var e = Assert.Throws<EngineException>(() => Submit(scheduler, "q3"));

        Assert.Equal(ErrorKind.Busy, e.Kind);
        Assert.NotNull(e.RetryAfter);
        Assert.True(e.RetryAfter > TimeSpan.Zero);
        Assert.Equal(3, _store.List(Owner).Count);

        backend.Release("running");
        await Task.WhenAll(queued.Append(running).Select(t => t.Finished)).WaitAsync(Patience);
        await IdleAsync(scheduler);
        Assert.All(queued.Append(running), t => Assert.Equal(TaskState.Completed, t.State));

        var later = Submit(scheduler, "after the queue drained");
        await later.Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Completed, later.State);
    }

    [Fact]
    public async Task Cancelling_a_queued_task_ends_it_at_once_and_it_never_starts()
    {
        var backend = new FakeTextBackend();
        backend.Hold("first");
        var scheduler = CreateScheduler(backend);
        var first = Submit(scheduler, "first");
        await StartedAsync(backend, "first");
        var second = Submit(scheduler, "second");
        Assert.Equal(1, scheduler.QueueDepth);

        Assert.True(scheduler.Cancel(second));

        Assert.Equal(TaskState.Cancelled, second.State);
        Assert.True(second.Finished.IsCompleted);
        Assert.Equal(ErrorKind.Cancelled, second.Error?.Kind);
        Assert.Equal(0, scheduler.QueueDepth);
        Assert.False(scheduler.Cancel(second));

        backend.Release("first");
        await first.Finished.WaitAsync(Patience);
        var third = Submit(scheduler, "third"); // runs after the worker has taken (and skipped) the cancelled one
        await third.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, first.State);
        Assert.Equal(TaskState.Completed, third.State);
        Assert.Equal(["first", "third"], backend.StartedPrompts);
        Assert.Null(second.StartedAt);
        Assert.Equal([TaskEventKind.Queued, TaskEventKind.Cancelled], EventKinds(second));
        await IdleAsync(scheduler);
    }

    [Fact]
    public async Task Cancelling_a_running_task_ends_it_within_a_second_and_the_next_starts_at_once()
    {
        var backend = new FakeTextBackend();
        backend.Hold("endless");
        var scheduler = CreateScheduler(backend);
        var running = Submit(scheduler, "endless");
        await StartedAsync(backend, "endless");
        var next = Submit(scheduler, "next");

        var clock = Stopwatch.StartNew();
        Assert.True(scheduler.Cancel(running));
        await running.Finished.WaitAsync(TimeSpan.FromSeconds(10)); // held forever unless the cancel reaches it
        await next.Finished.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TaskState.Cancelled, running.State);
        Assert.Equal(ErrorKind.Cancelled, running.Error?.Kind);
        Assert.Null(running.Result);
        Assert.Equal(TaskEventKind.Cancelled, EventKinds(running)[^1]);
        Assert.Equal(TaskState.Completed, next.State);
        Assert.True(next.StartedAt - running.FinishedAt < TimeSpan.FromMilliseconds(500));
        await IdleAsync(scheduler);
    }

    [Fact]
    public async Task Cancelling_between_pieces_keeps_what_was_streamed_and_stops_generating()
    {
        var backend = new FakeTextBackend { Pieces = [.. Enumerable.Range(0, 200).Select(i => $"{i} ")], PieceDelay = TimeSpan.FromMilliseconds(10) };
        var scheduler = CreateScheduler(backend);
        var task = Submit(scheduler, "p");
        await Eventually.TrueAsync(() => DeltaText(task).Length > 0, "the first piece arrives");

        scheduler.Cancel(task);
        await task.Finished.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(TaskState.Cancelled, task.State);
        string streamed = DeltaText(task);
        Assert.StartsWith("0 ", streamed, StringComparison.Ordinal);
        Assert.DoesNotContain("199 ", streamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_model_load_fails_the_task_as_model_invalid_and_a_later_task_loads_again()
    {
        var backend = new FakeTextBackend();
        backend.FailNextLoads(1);
        var backoff = TimeSpan.FromMilliseconds(300);
        var scheduler = CreateScheduler(backend, new SchedulerOptions { LoadBackoff = backoff }, "stories");

        var failed = Submit(scheduler, "first");
        await failed.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Failed, failed.State);
        Assert.Equal(ErrorKind.ModelInvalid, failed.Error?.Kind);
        Assert.Contains("stories", failed.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(TaskEventKind.Failed, EventKinds(failed)[^1]);
        Assert.Equal(ModelWorkerState.Unloaded, scheduler.StateOf("stories"));

        // It backs off instead of loading again at once: a task now is refused as busy, with when to come back.
        var refused = Assert.Throws<EngineException>(() => Submit(scheduler, "too soon"));
        Assert.Equal(ErrorKind.Busy, refused.Kind);
        Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), backoff);
        Assert.Equal(1, backend.LoadCount);
        await Task.Delay(backoff + TimeSpan.FromMilliseconds(200)); // the timer may fire a little before the wall clock passes the backoff

        var retried = Submit(scheduler, "second");
        await retried.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, retried.State);
        Assert.Equal(2, backend.LoadCount);
        Assert.Equal(ModelWorkerState.Loaded, scheduler.StateOf("stories"));
        await IdleAsync(scheduler);
    }

    [Fact]
    public async Task Shutdown_lets_short_task_finish_cancels_long_one_after_grace_cancels_queued_and_refuses_new()
    {
        var backend = new FakeTextBackend();
        backend.Hold("short");
        backend.Hold("long");
        var scheduler = CreateScheduler(backend, new SchedulerOptions { ParallelSequences = 1 }, "alpha", "beta");
        var shortTask = Submit(scheduler, "short", model: "alpha");
        var longTask = Submit(scheduler, "long", model: "beta");
        await StartedAsync(backend, "short");
        await StartedAsync(backend, "long");
        var queued = Submit(scheduler, "queued", model: "alpha");
        var grace = TimeSpan.FromMilliseconds(600);

        var clock = Stopwatch.StartNew();
        var shutdown = scheduler.ShutdownAsync(grace, CancellationToken.None);

        Assert.Equal(TaskState.Cancelled, queued.State);
        var refused = Assert.Throws<EngineException>(() => Submit(scheduler, "too late", model: "alpha"));
        Assert.Equal(ErrorKind.Busy, refused.Kind);
        Assert.NotNull(refused.RetryAfter);

        await Task.Delay(100);
        Assert.Equal(TaskState.Running, longTask.State);
        backend.Release("short");
        await shortTask.Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Running, longTask.State);

        await shutdown.WaitAsync(Patience);
        var took = clock.Elapsed;

        Assert.Equal(TaskState.Completed, shortTask.State);
        Assert.Equal("abcde", shortTask.Result!.Text);
        Assert.Equal(TaskState.Cancelled, longTask.State);
        Assert.True(took >= grace - TimeSpan.FromMilliseconds(50), $"shutdown took {took}, less than the grace {grace}");
        Assert.True(took < grace + TimeSpan.FromSeconds(2), $"shutdown took {took}");
        Assert.DoesNotContain("queued", backend.StartedPrompts);
        Assert.Equal(2, backend.LoadedModels.Count);
        Assert.All(backend.LoadedModels, m => Assert.True(m.Disposed, $"model {m.Name} was not unloaded"));
        Assert.Equal(ModelWorkerState.Unloaded, scheduler.StateOf("alpha"));
        Assert.Equal(0, scheduler.QueueDepth);
        Assert.Equal(0, scheduler.RunningCount);
    }

    [Fact]
    public async Task Shutdown_returns_as_soon_as_running_tasks_finish_within_the_grace()
    {
        var backend = new FakeTextBackend();
        backend.Hold("quick");
        var scheduler = CreateScheduler(backend);
        var task = Submit(scheduler, "quick");
        await StartedAsync(backend, "quick");

        var clock = Stopwatch.StartNew();
        var shutdown = scheduler.ShutdownAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        backend.Release("quick");
        await shutdown.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"shutdown took {clock.Elapsed}");
    }

    [Fact]
    public void Unknown_model_name_throws_model_not_found()
    {
        var scheduler = CreateScheduler(new FakeTextBackend());

        var e = Assert.Throws<EngineException>(() => Submit(scheduler, "p", model: "no-such-model"));

        Assert.Equal(ErrorKind.ModelNotFound, e.Kind);
        Assert.Equal("options.model", e.Field);
        Assert.Empty(_store.List(null));
    }

    [Fact]
    public void Empty_registry_throws_needs_model()
    {
        var scheduler = CreateScheduler(new FakeTextBackend(), 16);

        var e = Assert.Throws<EngineException>(() => Submit(scheduler, "p"));

        Assert.Equal(ErrorKind.NeedsModel, e.Kind);
        Assert.Empty(_store.List(null));
    }

    [Fact]
    public void Truncated_model_file_throws_model_invalid_and_is_never_loaded()
    {
        var backend = new FakeTextBackend();
        _temp.CopyPrefix(TestModels.Stories260K, 100_000, Path.Combine("models", "broken.gguf"));
        var scheduler = CreateScheduler(backend);

        var e = Assert.Throws<EngineException>(() => Submit(scheduler, "p", model: "broken"));

        Assert.Equal(ErrorKind.ModelInvalid, e.Kind);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, backend.LoadCount);
    }
}
