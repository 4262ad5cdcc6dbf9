using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using static LlmOs.Engine.Tests.Speech.Signals;
using static LlmOs.Engine.Tests.Speech.VoiceHarness;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>Voice tasks whose audio arrives as it is recorded, and cancelling a voice task.</summary>
public sealed class VoiceStreamingTests
{
    private const int Chunk = 320; // 20 ms, as a microphone client sends

    [Fact]
    public async Task A_streamed_utterance_is_recognised_as_it_arrives_and_ended_by_silence()
    {
        await using var harness = new VoiceHarness(withWhisper: false);
        harness.Recognizer.Hypothesis = new CommandHypothesis("set a timer for two and a half minutes", true, 0.9);
        using var feed = new AudioFeed();
        var speech = Concat(Silence(0.3), Tone(1.0, 0.3));

        var task = harness.Service.Submit(new VoiceRequest(1000, "en", TimeZoneInfo.Utc) { Feed = feed });

        // The sender sends the speech, then silence for as long as the task listens (a microphone does not stop by itself).
        int sent = 0;
        for (int at = 0; at < speech.Length; at += Chunk)
        {
            await feed.WriteAsync(speech[at..Math.Min(at + Chunk, speech.Length)], CancellationToken.None);
            sent += Math.Min(Chunk, speech.Length - at);
        }

        // Everything sent so far reaches the recogniser before the stream ends: it is not held back to the end.
        await Eventually.TrueAsync(() => harness.Recognizer.SamplesFed == sent, "the recogniser is fed the speech as it arrives");
        Assert.Equal(0, harness.Recognizer.Finishes);

        while (!feed.Ended.IsCancellationRequested && sent < Samples(10))
        {
            try
            {
                await feed.WriteAsync(new float[Chunk], feed.Ended);
                sent += Chunk;
            }
            catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                break;
            }
        }

        await task.Finished.WaitAsync(Patience);
        Assert.True(feed.Ended.IsCancellationRequested);
        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal("timer.set", task.VoiceAnswer!.Answer!.Intent);
        Assert.Equal(1, harness.Recognizer.Finishes);
        Assert.Equal(0, harness.Recognizer.WholeClips);

        // It ended about 700 ms into the silence, not at the sender's end or the maximum length.
        Assert.InRange(harness.Recognizer.SamplesFed, Samples(1.3 + 0.7) - Chunk, Samples(1.3 + 0.7) + (3 * Chunk));
    }

    [Fact]
    public async Task A_stream_the_sender_ends_early_is_recognised_as_it_is()
    {
        await using var harness = new VoiceHarness(withWhisper: true);
        harness.Recognizer.Hypothesis = new CommandHypothesis("", false, 0, "too short");
        harness.Whisper.Segments = ["set a timer for five minutes"];
        using var feed = new AudioFeed();

        var task = harness.Service.Submit(new VoiceRequest(1000, null, TimeZoneInfo.Utc) { Feed = feed });
        await feed.WriteAsync(Tone(0.5, 0.3), CancellationToken.None);
        feed.Complete();
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal("timer.set", task.VoiceAnswer!.Answer!.Intent);
        Assert.Equal(Samples(0.5), harness.Recognizer.SamplesFed);
        Assert.Equal(0.5, task.VoiceAnswer.Transcript.Duration.TotalSeconds, 3);
    }

    [Fact]
    public async Task Cancelling_a_streaming_voice_task_tells_the_sender_to_stop()
    {
        await using var harness = new VoiceHarness(withWhisper: false);
        using var feed = new AudioFeed();
        var task = harness.Service.Submit(new VoiceRequest(1000, null, TimeZoneInfo.Utc) { Feed = feed });
        await feed.WriteAsync(Tone(0.2, 0.3), CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Recognizer.SamplesFed > 0, "the recogniser hears the first chunk");

        Assert.True(harness.Scheduler.Cancel(task));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Cancelled, task.State);
        Assert.True(feed.Ended.IsCancellationRequested);
        Assert.Empty(harness.Timer.Requests);
    }

    [Fact]
    public async Task Cancelling_a_voice_task_cancels_its_whisper_transcription()
    {
        await using var harness = new VoiceHarness(withWhisper: true);
        harness.Whisper.Segments = ["set a timer for five minutes"];
        harness.Whisper.Hold();

        var task = harness.Service.Submit(Request(Tone()));
        await harness.Whisper.Started.WaitAsync(Patience);
        var transcription = harness.Store.List(1000).Single(t => t.Kind == TaskKind.Transcribe);

        Assert.True(harness.Scheduler.Cancel(task));
        await task.Finished.WaitAsync(Patience);
        await transcription.Finished.WaitAsync(Patience);
        await harness.Whisper.Cancelled.WaitAsync(Patience);

        Assert.Equal(TaskState.Cancelled, task.State);
        Assert.Equal(TaskState.Cancelled, transcription.State);
        Assert.Empty(harness.Timer.Requests);
    }
}
