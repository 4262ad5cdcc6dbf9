using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.Speech.VoiceHarness;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>The voice pipeline's rules: the grammar first, Whisper for what it rejects, nothing acts on what nobody caught.</summary>
public sealed class VoiceServiceTests
{
    [Fact]
    public async Task An_accepted_command_is_asked_and_its_skill_runs_without_whisper()
    {
        await using var harness = new VoiceHarness(withWhisper: true);
        harness.Recognizer.Hypothesis = new CommandHypothesis("set a timer for two and a half minutes", true, 0.9);

        var task = harness.Service.Submit(Request(Tone()));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        var result = task.VoiceAnswer!;
        Assert.Equal("timer.set", result.Answer!.Intent);
        Assert.Equal("skill timer.set", result.Text);
        Assert.Equal(TaskRecord.GrammarModelName, result.Transcript.Engine);
        Assert.Equal("set a timer for two and a half minutes", result.Transcript.Text);
        Assert.Equal("set a timer for two and a half minutes", Assert.Single(harness.Timer.Requests).Invocation.Utterance);
        Assert.Equal(0, harness.Whisper.Loads);
        Assert.Null(result.Speech);
        Assert.Equal([(1000u, "en")], harness.Grammars.Calls);
        Assert.Equal(
            [TaskEventKind.Transcript, TaskEventKind.Intent, TaskEventKind.Completed],
            EventsOf(task).Select(e => e.Kind).Where(k => k is TaskEventKind.Transcript or TaskEventKind.Intent or TaskEventKind.Completed));
        Assert.Equal("timer.set", EventsOf(task).Single(e => e.Kind == TaskEventKind.Intent).Text);
    }

    [Fact]
    public async Task A_rejected_utterance_is_transcribed_by_whisper_and_asked()
    {
        await using var harness = new VoiceHarness(withWhisper: true);
        harness.Recognizer.Hypothesis = new CommandHypothesis("what is the weather like", false, 0.2, "a low score per frame");
        harness.Whisper.Segments = ["set a timer", "for five minutes"];

        var task = harness.Service.Submit(Request(Tone()));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        var result = task.VoiceAnswer!;
        Assert.Equal("whisper:fake-whisper", result.Transcript.Engine);
        Assert.Equal("set a timer for five minutes", result.Transcript.Text);
        Assert.False(result.Grammar!.Accepted);
        Assert.Equal("timer.set", result.Answer!.Intent);
        Assert.Equal("set a timer for five minutes", Assert.Single(harness.Timer.Requests).Invocation.Utterance);
        Assert.Equal("en", Assert.Single(harness.Whisper.Calls).Language);
        var transcripts = EventsOf(task).Where(e => e.Kind == TaskEventKind.Transcript).Select(e => e.Text).ToList();
        Assert.Equal(["set a timer", "set a timer for five minutes"], transcripts);

        // The transcription ran as the caller's own task.
        Assert.Contains(harness.Store.List(1000), t => t.Kind == TaskKind.Transcribe && t.State == TaskState.Completed);
    }

    [Fact]
    public async Task A_rejected_utterance_with_no_whisper_model_is_not_caught_and_nothing_runs()
    {
        await using var harness = new VoiceHarness(withWhisper: false);
        harness.Recognizer.Hypothesis = new CommandHypothesis("set a timer for five minutes", false, 0.1, "out of grammar");

        var task = harness.Service.Submit(Request(Tone()));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        var result = task.VoiceAnswer!;
        Assert.Null(result.Answer);
        Assert.Equal(VoiceService.NotCaughtText, result.Text);
        Assert.Equal("", result.Transcript.Text);
        Assert.Empty(harness.Timer.Requests);
        Assert.Empty(harness.Chat.Requests);
        Assert.Equal(0, harness.Whisper.Loads);
        Assert.DoesNotContain(EventsOf(task), e => e.Kind == TaskEventKind.Intent);
    }

    [Fact]
    public async Task Whisper_hearing_nothing_is_not_caught_either()
    {
        await using var harness = new VoiceHarness(withWhisper: true);
        harness.Whisper.Segments = [];

        var task = harness.Service.Submit(Request(Tone()));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Null(task.VoiceAnswer!.Answer);
        Assert.Equal(VoiceService.NotCaughtText, task.VoiceAnswer.Text);
        Assert.Equal(1, harness.Whisper.Loads);
        Assert.Empty(harness.Timer.Requests);
    }

    [Fact]
    public async Task The_reply_is_spoken_when_asked()
    {
        await using var harness = new VoiceHarness(withWhisper: false);
        harness.Recognizer.Hypothesis = new CommandHypothesis("set a timer for two and a half minutes", true, 0.9);

        var task = harness.Service.Submit(Request(Tone()) with { SpeakReply = new SpeechOptions("en-gb", 200, 16_000) });
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        var (text, options) = Assert.Single(harness.Synthesizer.Calls);
        Assert.Equal("skill timer.set", text);
        Assert.Equal("en-gb", options.Voice);
        Assert.Equal(16_000, task.VoiceAnswer!.Speech!.SampleRate);
        Assert.Equal(text.Length * 10, task.VoiceAnswer.Speech.Samples.Length);
    }

    [Fact]
    public async Task An_unknown_voice_for_the_reply_is_refused_before_the_task_starts()
    {
        await using var harness = new VoiceHarness(withWhisper: false);

        var error = Assert.Throws<EngineException>(() => harness.Service.Submit(Request(Tone()) with { SpeakReply = new SpeechOptions("klingon") }));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Empty(harness.Store.List(null));
    }

    [Fact]
    public async Task A_request_with_both_a_clip_and_a_feed_or_neither_is_refused()
    {
        await using var harness = new VoiceHarness(withWhisper: false);
        using var feed = new AudioFeed();

        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => harness.Service.Submit(Request(Tone()) with { Feed = feed })).Kind);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => harness.Service.Submit(new VoiceRequest(1000, null, TimeZoneInfo.Utc))).Kind);
    }

    [Fact]
    public async Task With_no_recogniser_for_the_language_and_no_whisper_the_request_needs_a_model()
    {
        await using var harness = new VoiceHarness(withWhisper: false, recognizer: new FakeCommandRecognizer { Languages = [] });

        var error = Assert.Throws<EngineException>(() => harness.Service.Submit(Request(Tone())));

        Assert.Equal(ErrorKind.NeedsModel, error.Kind);
    }

    [Fact]
    public async Task With_no_recogniser_for_the_language_whisper_hears_it()
    {
        await using var harness = new VoiceHarness(withWhisper: true, recognizer: new FakeCommandRecognizer { Languages = [] });
        harness.Whisper.Segments = ["set a timer for five minutes"];

        var task = harness.Service.Submit(Request(Tone()));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Null(task.VoiceAnswer!.Grammar);
        Assert.Equal("timer.set", task.VoiceAnswer.Answer!.Intent);
        Assert.Empty(harness.Grammars.Calls);
    }
}
