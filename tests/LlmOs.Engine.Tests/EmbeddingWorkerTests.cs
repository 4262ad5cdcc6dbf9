using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests;

public sealed class EmbeddingWorkerTests : IAsyncLifetime
{
    private const uint Owner = 1000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _temp = new();
    private readonly TaskStore _store = new(TimeProvider.System);
    private readonly FakeEmbeddingBackend _backend = new();
    private Scheduler _scheduler = null!;

    public Task InitializeAsync()
    {
        string models = _temp.Combine("models");
        Directory.CreateDirectory(models);
        _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", "stories.gguf"));
        var registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = models, StateFile = _temp.Combine("state.json"), Builtin = _backend.BuiltinModels },
            TimeProvider.System);
        _scheduler = new Scheduler(
            new FakeTextBackend(), registry, _store, new SchedulerOptions { QueueCapacity = 64 }, TimeProvider.System,
            NullLogger<Scheduler>.Instance, embeddings: _backend);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scheduler.DisposeEmbeddingsAsync();
        await _scheduler.DisposeAsync();
        _temp.Dispose();
    }

    private TaskRecord Embed(params string[] texts) => _scheduler.SubmitEmbed(Owner, texts, null, TaskPriority.Interactive);

    private Task CallsAsync(int count) => Eventually.TrueAsync(() => _backend.Model.Calls.Count >= count, $"the model has had {count} call(s)");

    private static void AssertVectorsOf(TaskRecord task, params string[] texts)
    {
        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal(texts.Select(FakeEmbeddingModel.VectorOf), task.Embeddings!.Vectors);
        Assert.Equal(texts.Sum(t => t.Split(' ').Length), task.Embeddings.Tokens);
    }

    private Task IdleAsync() =>
        Eventually.TrueAsync(() => _scheduler.QueueDepth == 0 && _scheduler.RunningCount == 0, "the scheduler is idle");

    [Fact]
    public async Task One_task_runs_on_the_default_builtin_model_and_gets_one_vector_per_text()
    {
        var task = Embed("how do I set a timer", "start a countdown");
        await task.Finished.WaitAsync(Patience);

        AssertVectorsOf(task, "how do I set a timer", "start a countdown");
        Assert.Equal(TaskKind.Embed, task.Kind);
        Assert.Equal(FakeEmbeddingBackend.ModelName, task.Model);
        Assert.Equal([6, 3], task.Embeddings!.TokenCounts);
        Assert.Equal(ModelWorkerState.Loaded, _scheduler.EmbeddingStateOf(FakeEmbeddingBackend.ModelName));
        Assert.Equal(FakeEmbeddingBackend.ModelName, Assert.Single(_scheduler.Resident()).Name);
        await IdleAsync();
    }

    [Fact]
    public async Task Tasks_that_wait_while_a_batch_runs_go_into_the_next_call_together_and_each_gets_its_own_vectors()
    {
        _backend.Model.Hold();
        var first = Embed("first");
        await CallsAsync(1);
        var waiting = new[] { Embed("a b"), Embed("c d e", "f"), Embed("g h i j") };
        Assert.Equal(3, _scheduler.QueueDepth);

        _backend.Model.Release();
        await Task.WhenAll(waiting.Append(first).Select(t => t.Finished)).WaitAsync(Patience);

        Assert.Equal([["first"], ["a b", "c d e", "f", "g h i j"]], _backend.Model.Calls);
        AssertVectorsOf(first, "first");
        AssertVectorsOf(waiting[0], "a b");
        AssertVectorsOf(waiting[1], "c d e", "f");
        AssertVectorsOf(waiting[2], "g h i j");
        Assert.Equal([3, 1], waiting[1].Embeddings!.TokenCounts);
        Assert.Equal(1, _backend.LoadCount);
        await IdleAsync();
    }

    [Fact]
    public async Task A_batch_takes_at_most_32_texts_and_the_rest_wait_for_the_next()
    {
        _backend.Model.Hold();
        var first = Embed("first");
        await CallsAsync(1);
        var waiting = Enumerable.Range(0, 40).Select(i => Embed($"t{i}")).ToList();
        var big = Embed([.. Enumerable.Range(0, 50).Select(i => $"big{i}")]);

        _backend.Model.Release();
        await Task.WhenAll(waiting.Append(big).Append(first).Select(t => t.Finished)).WaitAsync(Patience);

        Assert.Equal([1, 32, 8, 50], _backend.Model.Calls.Select(c => c.Count));
        Assert.All(waiting, (t, i) => AssertVectorsOf(t, $"t{i}"));
        Assert.Equal(50, big.Embeddings!.Vectors.Count);
    }

    [Fact]
    public async Task Cancelling_a_queued_task_keeps_it_out_of_the_batch_and_cancelling_a_running_one_ends_it_at_once()
    {
        _backend.Model.Hold();
        var first = Embed("first");
        await CallsAsync(1);
        var queued = Embed("never runs");
        var partner = Embed("partner");
        Assert.True(_scheduler.Cancel(queued));
        Assert.Equal(TaskState.Cancelled, queued.State);

        // Both must be done before the model is held again: held sooner, it could catch the partner's call.
        _backend.Model.Release();
        await Task.WhenAll(first.Finished, partner.Finished).WaitAsync(Patience);
        _backend.Model.Hold();
        var second = Embed("second");
        await CallsAsync(3);

        // "second" is in a held call of its own now; cancelling it ends it without waiting for the model.
        Assert.True(_scheduler.Cancel(second));
        await second.Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Cancelled, second.State);
        Assert.Equal(ErrorKind.Cancelled, second.Error!.Kind);
        await Eventually.TrueAsync(() => _backend.Model.CancelledCalls.Count == 1, "the model call sees the cancellation");

        AssertVectorsOf(partner, "partner");
        Assert.DoesNotContain(_backend.Model.Calls, c => c.Contains("never runs"));
        await IdleAsync();
    }

    [Fact]
    public async Task In_a_shared_batch_one_cancelled_task_ends_at_once_while_the_others_complete()
    {
        _backend.Model.Hold();
        var first = Embed("first");
        await CallsAsync(1);
        var keep = Embed("keep");
        var drop = Embed("drop");
        _backend.Model.Release();
        await first.Finished.WaitAsync(Patience);
        await Task.WhenAll(keep.Finished, drop.Finished).WaitAsync(Patience);
        Assert.Equal(["keep", "drop"], _backend.Model.Calls.Last());

        // Again, with the shared call held: cancel one of two.
        _backend.Model.Hold();
        var blocker = Embed("blocker");
        await CallsAsync(3);
        var a = Embed("a");
        var b = Embed("b");
        _backend.Model.Release();
        _backend.Model.Hold();
        await CallsAsync(4);
        Assert.Equal(["a", "b"], _backend.Model.Calls.Last());

        Assert.True(_scheduler.Cancel(b));
        await b.Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Cancelled, b.State);
        Assert.False(a.IsFinished);
        Assert.Empty(_backend.Model.CancelledCalls); // the call goes on for "a"

        _backend.Model.Release();
        await a.Finished.WaitAsync(Patience);
        AssertVectorsOf(a, "a");
        AssertVectorsOf(blocker, "blocker");
        await IdleAsync();
    }

    [Fact]
    public async Task A_bad_text_fails_only_its_own_task_of_the_batch()
    {
        _backend.Model.Hold();
        var first = Embed("first");
        await CallsAsync(1);
        var good1 = Embed("good one");
        var bad = Embed("fine", "a bad text");
        var good2 = Embed("good two");
        _backend.Model.Release();
        await Task.WhenAll(first.Finished, good1.Finished, bad.Finished, good2.Finished).WaitAsync(Patience);

        Assert.Equal(TaskState.Failed, bad.State);
        Assert.Equal(ErrorKind.InvalidInput, bad.Error!.Kind);
        Assert.Contains("a bad text", bad.Error.Message);
        AssertVectorsOf(good1, "good one");
        AssertVectorsOf(good2, "good two");
        await IdleAsync();

        var after = Embed("after");
        await after.Finished.WaitAsync(Patience);
        AssertVectorsOf(after, "after");
    }

    [Fact]
    public async Task A_load_that_fails_fails_the_batch_as_model_invalid_and_the_next_task_loads_again()
    {
        _backend.FailNextLoads(1);
        var failed = Embed("x");
        await failed.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Failed, failed.State);
        Assert.Equal(ErrorKind.ModelInvalid, failed.Error!.Kind);
        Assert.Contains("unreadable", failed.Error.Message);
        Assert.Equal(ModelWorkerState.Unloaded, _scheduler.EmbeddingStateOf(FakeEmbeddingBackend.ModelName));

        var next = Embed("y");
        await next.Finished.WaitAsync(Patience);
        AssertVectorsOf(next, "y");
        Assert.Equal(2, _backend.LoadCount);
    }

    [Fact]
    public async Task A_backend_bug_fails_the_batch_as_internal_and_the_worker_goes_on()
    {
        _backend.CancelNextLoad();
        var failed = Embed("x");
        await failed.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Failed, failed.State);
        Assert.Equal(ErrorKind.Internal, failed.Error!.Kind);

        var next = Embed("y");
        await next.Finished.WaitAsync(Patience);
        AssertVectorsOf(next, "y");
        await IdleAsync();
    }

    [Fact]
    public void Empty_input_or_an_empty_text_is_refused_before_admission()
    {
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => Embed()).Kind);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => Embed("ok", "")).Kind);
        Assert.Empty(_store.List(Owner));
    }

    [Fact]
    public async Task Embedding_and_text_models_never_stand_in_for_each_other()
    {
        var asText = Assert.Throws<EngineException>(() => _scheduler.SubmitEmbed(Owner, ["x"], "stories", TaskPriority.Interactive));
        Assert.Equal(ErrorKind.InvalidInput, asText.Kind);
        Assert.Equal(ErrorKind.ModelNotFound, Assert.Throws<EngineException>(() => _scheduler.SubmitEmbed(Owner, ["x"], "nope", TaskPriority.Interactive)).Kind);

        var asEmbedder = Assert.Throws<EngineException>(() => _scheduler.SubmitGenerate(new TaskSubmission(Owner, "p", FakeEmbeddingBackend.ModelName, new())));
        Assert.Equal(ErrorKind.InvalidInput, asEmbedder.Kind);

        // With one text model and the built-in embedder, a generation without a model name gets the text model.
        var generation = _scheduler.SubmitGenerate(new TaskSubmission(Owner, "p", null, new()));
        await generation.Finished.WaitAsync(Patience);
        Assert.Equal("stories", generation.Model);
    }
}
