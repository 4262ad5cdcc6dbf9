using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.Vision.VisionHarness;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>Classify tasks through the scheduler: batched per model, each answered on its own, failures and cancels kept to their task.</summary>
public sealed class VisionWorkerTests : IAsyncLifetime
{
    private VisionHarness _harness = null!;

    public Task InitializeAsync()
    {
        _harness = new VisionHarness(withTextModel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task CallsAsync(int count) =>
        Eventually.TrueAsync(() => _harness.Vision.LoadCount > 0 && _harness.Vision.Loaded.Sum(c => c.Calls.Count) >= count, $"the classifier has had {count} call(s)");

    private static void AssertOwnLabels(TaskRecord task, int width, int top)
    {
        Assert.Equal(TaskState.Completed, task.State);
        var labels = task.Labels!;
        Assert.Equal(top, labels.Count);
        Assert.Equal(FakeImageClassifier.DefaultAnswer(Image(width), top), labels);
    }

    [Fact]
    public async Task One_image_loads_the_default_classifier_and_gets_its_top_labels()
    {
        var task = _harness.Classify(64, top: 3);
        await task.Finished.WaitAsync(Patience);

        AssertOwnLabels(task, 64, 3);
        Assert.Equal((TaskKind.Classify, Classifier), (task.Kind, task.Model));
        Assert.Null(task.Image); // a finished task lets go of its pixels
        var loaded = Assert.Single(_harness.Vision.Entries);
        Assert.EndsWith("mobilenet.labels.json", loaded.LabelsPath);
        Assert.Equal(ModelWorkerState.Loaded, _harness.Scheduler.StateOf(_harness.Registry.ResolveVision(null)));
        var resident = Assert.Single(_harness.Scheduler.Resident());
        Assert.Equal((Classifier, ModelKind.Vision, 42L << 20, VisionWorker.MaxBatchImages), (resident.Name, resident.Kind, resident.MemoryBytes, resident.MaxSequences));
        Assert.NotNull(resident.ExpiresAt);
        await _harness.IdleAsync();
    }

    [Fact]
    public async Task Sixteen_concurrent_images_share_model_runs_and_each_task_gets_its_own_answer_and_top()
    {
        var classifier = await LoadedHeldAsync();
        var first = _harness.Classify(500);
        await CallsAsync(2);
        var waiting = Enumerable.Range(1, 16).Select(i => (Width: 100 + i, Top: 1 + (i % 6))).ToArray();
        var tasks = waiting.Select(w => _harness.Classify(w.Width, w.Top)).ToArray();
        Assert.Equal(16, _harness.Scheduler.QueueDepth);

        classifier.Release();
        await Task.WhenAll(tasks.Append(first).Select(t => t.Finished)).WaitAsync(Patience);

        for (int i = 0; i < tasks.Length; i++)
        {
            AssertOwnLabels(tasks[i], waiting[i].Width, waiting[i].Top);
        }

        // The warm-up call, the held one, then all sixteen in one run for the most labels any of them wanted.
        var calls = classifier.Calls.ToArray();
        Assert.Equal(3, calls.Length);
        Assert.Equal(16, calls[2].Images.Length);
        Assert.Equal(6, calls[2].Top);
        Assert.Equal(waiting.Select(w => $"thing {w.Width}x2").Order(), calls[2].Images.Order());
    }

    [Fact]
    public async Task A_batch_the_model_refuses_runs_one_by_one_and_only_the_bad_image_fails()
    {
        var classifier = await LoadedHeldAsync();
        var first = _harness.Classify(500);
        await CallsAsync(2);
        var good1 = _harness.Classify(21);
        var bad = _harness.Classify(FakeImageClassifier.RefusedWidth);
        var good2 = _harness.Classify(22);

        classifier.Release();
        await Task.WhenAll(first.Finished, good1.Finished, bad.Finished, good2.Finished).WaitAsync(Patience);

        Assert.Equal(TaskState.Failed, bad.State);
        Assert.Equal(ErrorKind.InvalidInput, bad.Error!.Kind);
        Assert.Contains("refuses thing 13x2", bad.Error.Message);
        AssertOwnLabels(good1, 21, 5);
        AssertOwnLabels(good2, 22, 5);
        Assert.Equal([3, 1, 1, 1], classifier.Calls.Skip(2).Select(c => c.Images.Length));
    }

    [Fact]
    public async Task Cancelling_one_task_of_a_running_batch_ends_it_at_once_and_the_others_complete()
    {
        var classifier = await LoadedHeldAsync();
        var batch = new[] { _harness.Classify(31), _harness.Classify(32), _harness.Classify(33) };
        await CallsAsync(2);
        Assert.Equal(3, classifier.Calls.Last().Images.Length);

        Assert.True(_harness.Scheduler.Cancel(batch[1]));
        await batch[1].Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Cancelled, batch[1].State);
        Assert.Empty(classifier.CancelledCalls); // the run goes on for the others

        classifier.Release();
        await Task.WhenAll(batch.Select(t => t.Finished)).WaitAsync(Patience);
        AssertOwnLabels(batch[0], 31, 5);
        AssertOwnLabels(batch[2], 33, 5);
        await _harness.IdleAsync();
    }

    [Fact]
    public async Task Cancelling_every_task_of_a_batch_stops_the_model_run()
    {
        var classifier = await LoadedHeldAsync();
        var batch = new[] { _harness.Classify(41), _harness.Classify(42) };
        await CallsAsync(2);

        foreach (var task in batch)
        {
            _harness.Scheduler.Cancel(task);
        }

        await Task.WhenAll(batch.Select(t => t.Finished)).WaitAsync(Patience);
        await Eventually.TrueAsync(() => !classifier.CancelledCalls.IsEmpty, "the model run is cancelled");
        Assert.All(batch, t => Assert.Equal(TaskState.Cancelled, t.State));
        await _harness.IdleAsync();
    }

    [Fact]
    public async Task A_load_that_fails_fails_every_waiting_task_as_model_invalid_and_the_next_task_loads_again()
    {
        _harness.Vision.FailNextLoads(1);
        var tasks = Enumerable.Range(1, VisionWorker.MaxBatchImages + 4).Select(i => _harness.Classify(i + 50)).ToArray();
        await Task.WhenAll(tasks.Select(t => t.Finished)).WaitAsync(Patience);

        Assert.All(tasks, t => Assert.Equal((TaskState.Failed, ErrorKind.ModelInvalid), (t.State, t.Error!.Kind)));
        Assert.Contains("not an ONNX model", tasks[^1].Error!.Message);
        Assert.Equal(1, _harness.Vision.LoadCount);
        Assert.Equal(ModelWorkerState.Unloaded, _harness.Scheduler.VisionStateOf(Classifier));
        Assert.Empty(_harness.Scheduler.Resident());
        Assert.Equal(0, _harness.Scheduler.MemoryReservedBytes);

        var next = _harness.Classify(70);
        await next.Finished.WaitAsync(Patience);
        AssertOwnLabels(next, 70, 5);
        Assert.Equal(2, _harness.Vision.LoadCount);
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_admission()
    {
        EngineException Refused(Action submit) => Assert.Throws<EngineException>(submit);

        var zero = Refused(() => _harness.Classify(10, top: 0));
        Assert.Equal((ErrorKind.InvalidInput, "options.top"), (zero.Kind, zero.Field));
        Assert.Equal("options.top", Refused(() => _harness.Classify(10, top: Scheduler.MaxTop + 1)).Field);
        var text = Refused(() => _harness.Scheduler.SubmitClassify(Owner, Image(10), TextModel, 5, TaskPriority.Interactive));
        Assert.Equal((ErrorKind.InvalidInput, "options.model"), (text.Kind, text.Field));
        Assert.Empty(_harness.Store.List(Owner));

        var hundred = _harness.Classify(10, top: Scheduler.MaxTop);
        await hundred.Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Completed, hundred.State);
    }

    [Fact]
    public async Task Without_a_vision_backend_or_a_classifier_classification_is_refused_plainly()
    {
        await using var noClassifier = new VisionHarness(withClassifier: false, withTextModel: true);
        var none = Assert.Throws<EngineException>(() => noClassifier.Classify(10));
        Assert.Equal(ErrorKind.NeedsModel, none.Kind);

        var textOnly = new Scheduler(new FakeTextBackend(), _harness.Registry, new TaskStore(TimeProvider.System), new SchedulerOptions(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Scheduler>.Instance);
        await using (textOnly)
        {
            var unsupported = Assert.Throws<EngineException>(() => textOnly.SubmitClassify(Owner, Image(10), null, 5, TaskPriority.Interactive));
            Assert.Equal((ErrorKind.Unsupported, "this daemon has no image classifier backend"), (unsupported.Kind, unsupported.Message));
        }
    }

    [Fact]
    public async Task A_classifier_is_not_loaded_or_unloaded_by_hand_and_the_refusal_says_what_it_is()
    {
        var load = await Assert.ThrowsAsync<EngineException>(() => _harness.Scheduler.LoadModelAsync(Classifier, null, CancellationToken.None));
        var unload = await Assert.ThrowsAsync<EngineException>(() => _harness.Scheduler.UnloadModelAsync(Classifier, CancellationToken.None));

        Assert.Equal((ErrorKind.InvalidInput, "model"), (load.Kind, load.Field));
        Assert.Equal("model 'mobilenet' is an image classifier, not a text model; it loads on first use and unloads after its keep-alive", load.Message);
        Assert.Equal(load.Message, unload.Message);
        Assert.Equal(0, _harness.Vision.LoadCount);
    }

    [Fact]
    public async Task An_idle_classifier_is_unloaded_when_its_keep_alive_runs_out()
    {
        await using var harness = new VisionHarness(new SchedulerOptions { KeepAlive = TimeSpan.Zero });
        var task = harness.Classify(80);
        await task.Finished.WaitAsync(Patience);
        AssertOwnLabels(task, 80, 5);

        await Eventually.TrueAsync(() => harness.Scheduler.VisionStateOf(Classifier) == ModelWorkerState.Unloaded, "the classifier is unloaded");
        Assert.True(harness.Vision.Classifier.Disposed);
        Assert.Empty(harness.Scheduler.Resident());
        Assert.Equal(0, harness.Scheduler.MemoryReservedBytes);

        var again = harness.Classify(81);
        await again.Finished.WaitAsync(Patience);
        AssertOwnLabels(again, 81, 5);
        Assert.Equal(2, harness.Vision.LoadCount);
    }

    [Fact]
    public async Task Shutdown_cancels_a_running_batch_and_unloads_the_classifier()
    {
        var classifier = await LoadedHeldAsync();
        var running = _harness.Classify(90);
        await CallsAsync(2);

        await _harness.Scheduler.ShutdownAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(TaskState.Cancelled, running.State);
        Assert.True(classifier.Disposed);
        Assert.Equal(ModelWorkerState.Unloaded, _harness.Scheduler.VisionStateOf(Classifier));
        Assert.Equal(ErrorKind.Busy, Assert.Throws<EngineException>(() => _harness.Classify(91)).Kind);
    }

    /// <summary>Loads the classifier with one task, then holds its next calls.</summary>
    private async Task<FakeImageClassifier> LoadedHeldAsync()
    {
        var warm = _harness.Classify(1);
        await warm.Finished.WaitAsync(Patience);
        await _harness.IdleAsync();
        var classifier = _harness.Vision.Classifier;
        classifier.Hold();
        return classifier;
    }
}
