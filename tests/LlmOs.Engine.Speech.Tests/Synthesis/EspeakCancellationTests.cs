using LlmOs.Engine.Espeak;

namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>Cancelling stops a synthesis in espeak-ng itself, and the shared engine goes on working.</summary>
public sealed class EspeakCancellationTests
{
    [Fact]
    public async Task Cancelling_a_long_synthesis_ends_it_and_the_synthesizer_still_works()
    {
        using var cancellation = new CancellationTokenSource();

        // Cancelled the moment the long text's synthesis starts (event 2826, logged with the engine held), so the
        // cancel reaches espeak-ng mid-way whatever else runs, and nothing depends on timing.
        bool armed = false;
        var log = new CapturingLogger<EspeakSynthesizer> { OnEvent = id => { if (id.Id == 2826 && Volatile.Read(ref armed)) { cancellation.Cancel(); } } };
        using var synthesizer = new EspeakSynthesizer(new EspeakOptions(), log);
        SynthesizedSpeech before = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(), CancellationToken.None);
        Volatile.Write(ref armed, true);

        // About 700 words at the slowest rate: some nine minutes of speech.
        Task<SynthesizedSpeech> speaking = synthesizer.SynthesizeAsync(
            Speech.LongText(EspeakSynthesizer.MaxTextLength), new SpeechOptions(WordsPerMinute: SpeechOptions.MinWordsPerMinute), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => speaking);

        // espeak-ng itself was stopped: the whole text is minutes of speech, far more than was made before the cancel.
        var cancelled = Assert.Single(log.Entries, entry => entry.Id.Id == 2823);
        Assert.True((double)cancelled.Values["Seconds"]! < 60, $"{cancelled.Values["Seconds"]} s of speech made before stopping");
        Volatile.Write(ref armed, false);
        SynthesizedSpeech after = await synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(), CancellationToken.None);
        Assert.True(Speech.Likeness(before, after) > Speech.SameSpeech);
    }

    [Fact]
    public async Task A_request_cancelled_before_it_starts_is_not_spoken()
    {
        using var synthesizer = Speech.Synthesizer();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_request_cancelled_while_waiting_for_the_engine_leaves_the_running_one_alone()
    {
        using var synthesizer = Speech.Synthesizer();
        SynthesizedSpeech alone = await synthesizer.SynthesizeAsync(Speech.LongText(600), new SpeechOptions(), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        Task<SynthesizedSpeech> running = synthesizer.SynthesizeAsync(Speech.LongText(600), new SpeechOptions(), CancellationToken.None);
        Task<SynthesizedSpeech> waiting = synthesizer.SynthesizeAsync(Speech.Command, new SpeechOptions(), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(Speech.Likeness(alone, await running) > Speech.SameSpeech);
    }
}
