using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.Vision.VisionHarness;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>OCR tasks through the scheduler: their language checked, their number running bounded, each cancellable.</summary>
public sealed class OcrWorkerTests
{
    [Fact]
    public async Task An_ocr_task_reads_in_english_unless_it_names_another_installed_language()
    {
        await using var harness = new VisionHarness(withClassifier: false);
        harness.Ocr.Text = "Hello\nWorld";

        var english = harness.Read(40);
        var spanish = harness.Read(41, "spa");
        await Task.WhenAll(english.Finished, spanish.Finished).WaitAsync(Patience);

        Assert.Equal((TaskKind.Ocr, TaskRecord.OcrModelName, "eng"), (english.Kind, english.Model, english.OcrLanguage));
        Assert.Equal(TaskState.Completed, english.State);
        Assert.Equal("Hello\nWorld", english.Reading!.Text);
        Assert.Equal(2, english.Reading.Lines.Count);
        Assert.Equal("spa", spanish.OcrLanguage);
        Assert.Equal(["eng", "spa"], harness.Ocr.Calls.Order());
        Assert.Null(english.Image);
        Assert.Empty(harness.Scheduler.Resident()); // OCR holds no model in the budget
        await harness.IdleAsync();
    }

    [Fact]
    public async Task An_unknown_language_is_refused_and_the_installed_ones_are_listed()
    {
        await using var harness = new VisionHarness(withClassifier: false);

        var e = Assert.Throws<EngineException>(() => harness.Read(40, "klingon"));

        Assert.Equal((ErrorKind.InvalidInput, "options.language"), (e.Kind, e.Field));
        Assert.Equal("no OCR language 'klingon'; installed: eng, spa", e.Message);
        Assert.Empty(harness.Store.List(Owner));
        Assert.Equal(["eng", "spa"], harness.Scheduler.OcrLanguages);
    }

    [Fact]
    public async Task Without_an_ocr_engine_ocr_is_unsupported()
    {
        await using var harness = new VisionHarness(withClassifier: false, withOcr: false);

        var e = Assert.Throws<EngineException>(() => harness.Read(40));

        Assert.Equal((ErrorKind.Unsupported, "this daemon has no OCR engine"), (e.Kind, e.Message));
        Assert.Empty(harness.Scheduler.OcrLanguages);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task No_more_recognitions_run_at_once_than_the_ocr_concurrency_allows(int concurrency)
    {
        await using var harness = new VisionHarness(new SchedulerOptions { OcrConcurrency = concurrency }, withClassifier: false);
        harness.Ocr.Hold();
        var tasks = Enumerable.Range(1, concurrency + 3).Select(i => harness.Read(i + 10)).ToArray();

        await Eventually.TrueAsync(() => harness.Ocr.Running == concurrency, $"{concurrency} recognitions run");
        Assert.Equal(3, harness.Scheduler.QueueDepth);
        Assert.Equal(concurrency, harness.Scheduler.RunningCount);
        Assert.Equal(concurrency, tasks.Count(t => t.State == TaskState.Running));

        harness.Ocr.Release();
        await Task.WhenAll(tasks.Select(t => t.Finished)).WaitAsync(Patience);
        Assert.All(tasks, t => Assert.Equal(TaskState.Completed, t.State));
        Assert.All(tasks, t => Assert.StartsWith("text of ", t.Reading!.Text));
        Assert.Equal(concurrency, harness.Ocr.MaxRunning);
        await harness.IdleAsync();
    }

    [Fact]
    public async Task Cancelling_a_running_recognition_stops_it_and_the_next_one_starts()
    {
        await using var harness = new VisionHarness(new SchedulerOptions { OcrConcurrency = 1 }, withClassifier: false);
        harness.Ocr.Hold();
        var running = harness.Read(50);
        var queued = harness.Read(51);
        var next = harness.Read(52);
        await Eventually.TrueAsync(() => harness.Ocr.Running == 1, "a recognition runs");

        Assert.True(harness.Scheduler.Cancel(queued));
        Assert.Equal(TaskState.Cancelled, queued.State);
        Assert.True(harness.Scheduler.Cancel(running));
        await running.Finished.WaitAsync(Patience);
        Assert.Equal(TaskState.Cancelled, running.State);
        Assert.Single(harness.Ocr.CancelledCalls);

        await Eventually.TrueAsync(() => next.State == TaskState.Running && harness.Ocr.Running == 1, "the next recognition runs");
        harness.Ocr.Release();
        await next.Finished.WaitAsync(Patience);
        Assert.Equal("text of 52x2", next.Reading!.Text);
        Assert.Equal(2, harness.Ocr.Calls.Count); // the cancelled queued task never reached the engine
        await harness.IdleAsync();
    }

    [Fact]
    public async Task Shutdown_cancels_the_running_recognitions()
    {
        var harness = new VisionHarness(new SchedulerOptions { OcrConcurrency = 2 }, withClassifier: false);
        harness.Ocr.Hold();
        var tasks = new[] { harness.Read(60), harness.Read(61), harness.Read(62) };
        await Eventually.TrueAsync(() => harness.Ocr.Running == 2, "two recognitions run");

        await harness.DisposeAsync();

        Assert.All(tasks, t => Assert.Equal(TaskState.Cancelled, t.State));
        Assert.Equal(2, harness.Ocr.CancelledCalls.Count);
    }
}
