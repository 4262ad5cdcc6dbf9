namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>Streaming: a session fed small chunks decodes what a whole clip does.</summary>
public sealed class SessionTests(CommandKit kit) : IClassFixture<CommandKit>
{
    [Fact]
    public async Task Small_chunks_give_what_the_whole_clip_gives()
    {
        var grammar = kit.Grammar;
        var clip = await EspeakRecording.SpeakAsync("lock the screen", "en-us+klatt3", 150);
        var whole = await kit.Recognizer.RecognizeAsync(clip, grammar, CancellationToken.None);

        using var session = kit.Recognizer.Start(grammar);
        for (int at = 0; at < clip.Samples.Length; at += 320)
        {
            session.Process(clip.Samples.AsSpan(at, Math.Min(320, clip.Samples.Length - at)));
        }

        var streamed = session.Finish();
        Assert.Equal("lock the screen", whole.Text);
        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(whole.Accepted, streamed.Accepted);
    }

    [Fact]
    public async Task The_same_audio_gets_the_same_answer_after_other_utterances()
    {
        var grammar = kit.Grammar;
        var command = await EspeakRecording.SpeakAsync("mute the sound", "en-us+caleb", 170);
        var other = await EspeakRecording.SpeakAsync("the children are playing football outside", "en-us+klatt", 140);

        var first = await kit.Recognizer.RecognizeAsync(command, grammar, CancellationToken.None);
        for (int i = 0; i < 3; i++)
        {
            _ = await kit.Recognizer.RecognizeAsync(other, grammar, CancellationToken.None);
        }

        var again = await kit.Recognizer.RecognizeAsync(command, grammar, CancellationToken.None);
        Assert.Equal("mute the sound", first.Text);
        Assert.Equal((first.Text, first.Accepted), (again.Text, again.Accepted));
        Assert.InRange(again.Confidence, first.Confidence - 0.05, first.Confidence + 0.05); // some decoder state carries over, a little
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var clip = await EspeakRecording.SpeakAsync("take a screenshot");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.Recognizer.RecognizeAsync(clip, kit.Grammar, cancelled.Token));
    }
}
