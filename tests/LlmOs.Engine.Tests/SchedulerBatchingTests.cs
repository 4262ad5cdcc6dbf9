using LlmOs.Engine.Generation;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.SchedulerHarness;

namespace LlmOs.Engine.Tests;

/// <summary>Tasks joining and leaving a running batch, each with its own limits.</summary>
public sealed class SchedulerBatchingTests : IAsyncLifetime
{
    private const uint Owner = 5001;

    private readonly SchedulerHarness _harness = new("stories");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static string Counting(int pieces) => string.Concat(Enumerable.Range(0, pieces).Select(i => $"{i} "));

    private static FakeTextBackend LongBackend(int pieces) =>
        new() { Pieces = [.. Enumerable.Range(0, pieces).Select(i => $"{i} ")], PieceDelay = TimeSpan.FromMilliseconds(2) };

    [Fact]
    public async Task Task_submitted_while_a_batch_runs_joins_it_within_one_step()
    {
        var backend = LongBackend(80);
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 4 });
        var first = Submit(scheduler, Owner, "first");
        await Eventually.TrueAsync(() => DeltaText(first).Length > 0, "the first task streams");
        var model = Assert.Single(backend.LoadedModels);

        int stepsAtSubmit = model.Steps;
        var joining = Submit(scheduler, Owner, "joining");
        await StartedAsync(backend, "joining");

        Assert.InRange(model.OpenedAtStep["joining"] - stepsAtSubmit, 0, 1);
        Assert.Equal(TaskState.Running, first.State); // it joined the running batch, not a new one
        await FinishedAsync(first, joining);
        Assert.Equal(Counting(80), first.Result!.Text);
        Assert.Equal(Counting(80), joining.Result!.Text);
        Assert.Equal(2, model.LargestBatch);
        Assert.Equal(1, backend.LoadCount);
    }

    [Fact]
    public async Task Cancelled_sequence_leaves_the_batch_and_the_others_complete_with_their_full_text()
    {
        var backend = LongBackend(60);
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 4 });
        var tasks = Enumerable.Range(0, 3).Select(i => Submit(scheduler, Owner, $"p{i}")).ToList();
        await Eventually.TrueAsync(() => tasks.All(t => DeltaText(t).Length > 0), "all three stream");
        var model = Assert.Single(backend.LoadedModels);

        Assert.True(scheduler.Cancel(tasks[1]));
        await tasks[1].Finished.WaitAsync(Patience);
        int stepsAtCancel = model.Steps;

        Assert.Equal(TaskState.Cancelled, tasks[1].State);
        Assert.Equal(2, model.OpenSequences);
        Assert.NotEqual(TaskState.Completed, tasks[0].State); // the others were still running when it left

        await FinishedAsync(tasks[0], tasks[2]);
        Assert.Equal(Counting(60), tasks[0].Result!.Text);
        Assert.Equal(Counting(60), tasks[2].Result!.Text);
        Assert.Equal(FinishReason.Stop, tasks[0].Result!.FinishReason);
        Assert.True(model.Steps > stepsAtCancel, "the batch did not step on after the cancel");
        Assert.StartsWith("0 ", DeltaText(tasks[1]), StringComparison.Ordinal);
        Assert.DoesNotContain("59 ", DeltaText(tasks[1]), StringComparison.Ordinal);
        await IdleAsync(scheduler);
        Assert.Equal(0, model.OpenSequences);
    }

    [Fact]
    public async Task Held_sequence_does_not_stall_the_others_in_its_batch()
    {
        var backend = new FakeTextBackend();
        backend.Hold("stuck");
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 3 });
        var stuck = Submit(scheduler, Owner, "stuck");
        await StartedAsync(backend, "stuck");

        var others = new[] { Submit(scheduler, Owner, "x"), Submit(scheduler, Owner, "y") };
        await FinishedAsync(others);

        Assert.All(others, t => Assert.Equal("abcde", t.Result!.Text));
        Assert.Equal(TaskState.Running, stuck.State);
        backend.Release("stuck");
        await stuck.Finished.WaitAsync(Patience);
        Assert.Equal("abcde", stuck.Result!.Text);
    }

    [Fact]
    public async Task Each_task_in_a_batch_keeps_its_own_max_tokens()
    {
        var backend = new FakeTextBackend();
        string[] prompts = ["two", "four", "all"];
        Array.ForEach(prompts, backend.Hold);
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 3 });

        var two = Submit(scheduler, Owner, "two", options: new GenerationOptions { MaxTokens = 2 });
        var four = Submit(scheduler, Owner, "four", options: new GenerationOptions { MaxTokens = 4 });
        var all = Submit(scheduler, Owner, "all");
        foreach (string prompt in prompts)
        {
            await StartedAsync(backend, prompt);
        }

        Array.ForEach(prompts, backend.Release);
        await FinishedAsync(two, four, all);

        var model = Assert.Single(backend.LoadedModels);
        Assert.Equal(3, model.LargestBatch);
        Assert.Equal(new GenerationResult("ab", 2, FinishReason.Length), two.Result! with { PromptTokens = 0 });
        Assert.Equal(new GenerationResult("abcd", 4, FinishReason.Length), four.Result! with { PromptTokens = 0 });
        Assert.Equal(new GenerationResult("abcde", 5, FinishReason.Stop), all.Result! with { PromptTokens = 0 });
        Assert.True(two.FinishedAt <= four.FinishedAt && four.FinishedAt <= all.FinishedAt);
    }

    [Fact]
    public async Task Slot_freed_by_a_finished_task_is_taken_by_a_waiting_one_while_the_rest_keep_running()
    {
        var backend = new FakeTextBackend();
        backend.Hold("long");
        var scheduler = _harness.Create(backend, new SchedulerOptions { ParallelSequences = 2 });
        var longTask = Submit(scheduler, Owner, "long");
        await StartedAsync(backend, "long");

        var shortTasks = Enumerable.Range(0, 4).Select(i => Submit(scheduler, Owner, $"s{i}")).ToList();
        await FinishedAsync([.. shortTasks]);

        var model = Assert.Single(backend.LoadedModels);
        Assert.Equal(2, model.MaxConcurrentGenerations);
        Assert.All(shortTasks, t => Assert.Equal("abcde", t.Result!.Text));
        Assert.Equal(TaskState.Running, longTask.State);
        backend.Release("long");
        await longTask.Finished.WaitAsync(Patience);
    }
}
