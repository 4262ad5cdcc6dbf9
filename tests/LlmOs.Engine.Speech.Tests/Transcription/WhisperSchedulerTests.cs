using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Whisper;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Speech.Tests.Transcription;

/// <summary>Transcribe tasks through the scheduler, on the real Whisper backend and the test model.</summary>
public sealed class WhisperSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static Scheduler SchedulerOver(WhisperWorkspace workspace) =>
        new(new NoTextBackend(), workspace.Registry, new TaskStore(TimeProvider.System), new SchedulerOptions(), TimeProvider.System,
            NullLogger<Scheduler>.Instance, transcription: new WhisperTranscriptionBackend(new WhisperOptions { Threads = 2 }, NullLogger<WhisperTranscriptionBackend>.Instance));

    [Fact]
    public async Task A_transcribe_task_completes_with_an_empty_transcript_and_the_model_shows_in_ps()
    {
        using var workspace = new WhisperWorkspace();
        await using var scheduler = SchedulerOver(workspace);

        var task = scheduler.SubmitTranscribe(1000, WhisperTestFiles.ReadJfk(), null, new TranscriptionOptions("en"), TaskPriority.Interactive);
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        var transcript = task.TranscriptResult!;
        Assert.Equal("", transcript.Text);
        Assert.Empty(transcript.Segments);
        Assert.Equal("whisper:for-tests-ggml-tiny.en", transcript.Engine);
        Assert.InRange(transcript.Duration.TotalSeconds, 10.5, 11.5);
        Assert.Equal("for-tests-ggml-tiny.en", task.Model);
        var resident = Assert.Single(scheduler.Resident());
        Assert.Equal(Models.ModelKind.Speech, resident.Kind);
        Assert.True(resident.MemoryBytes > 0);
    }

    [Fact]
    public async Task A_running_transcribe_task_is_cancelled()
    {
        using var workspace = new WhisperWorkspace();
        await using var scheduler = SchedulerOver(workspace);
        var jfk = WhisperTestFiles.ReadJfk().Samples;

        var task = scheduler.SubmitTranscribe(1000, new AudioClip([.. jfk, .. jfk, .. jfk]), null, new TranscriptionOptions(), TaskPriority.Interactive);
        while (scheduler.SpeechStateOf("for-tests-ggml-tiny.en") != ModelWorkerState.Loaded && !task.IsFinished)
        {
            await Task.Delay(20);
        }

        Assert.True(scheduler.Cancel(task));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Cancelled, task.State);
    }

    [Fact]
    public async Task With_no_whisper_model_open_transcription_needs_one()
    {
        using var workspace = new WhisperWorkspace(linkModel: false);
        await using var scheduler = SchedulerOver(workspace);

        var error = Assert.Throws<EngineException>(() => scheduler.SubmitTranscribe(1000, WhisperTestFiles.ReadJfk(), null, new TranscriptionOptions(), TaskPriority.Interactive));

        Assert.Equal(ErrorKind.NeedsModel, error.Kind);
        Assert.Contains("Whisper", error.Message, StringComparison.Ordinal);
    }
}
