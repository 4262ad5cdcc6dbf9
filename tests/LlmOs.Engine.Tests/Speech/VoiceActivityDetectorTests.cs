using LlmOs.Engine.Speech;
using static LlmOs.Engine.Tests.Speech.Signals;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>The end of an utterance heard on synthetic signals: tone bursts stand for speech.</summary>
public sealed class VoiceActivityDetectorTests
{
    private static readonly double Frame = VoiceActivityDetector.FrameSamples / (double)Rate;

    [Fact]
    public void An_utterance_ends_about_700_ms_into_the_silence_after_speech()
    {
        var detector = new VoiceActivityDetector();
        var audio = Concat(Silence(0.5), Tone(1.0, 0.3), Silence(3.0));

        bool ended = PushInChunks(detector, audio, 512);

        Assert.True(ended);
        Assert.True(detector.HeardSpeech);
        Assert.False(detector.EndedByLength);
        Assert.InRange(detector.Heard.TotalSeconds, 1.5 + 0.7 - Frame, 1.5 + 0.7 + (2 * Frame));
    }

    [Fact]
    public void Pauses_between_words_shorter_than_the_silence_do_not_end_it()
    {
        var detector = new VoiceActivityDetector();
        var words = Enumerable.Range(0, 6).SelectMany(_ => Concat(Tone(0.4, 0.3), Silence(0.4))).ToArray();

        bool ended = PushInChunks(detector, words, 480);

        Assert.False(ended);
        Assert.True(detector.HeardSpeech);
    }

    [Fact]
    public void Steady_noise_is_not_speech_and_never_ends_an_utterance()
    {
        var detector = new VoiceActivityDetector();

        bool ended = PushInChunks(detector, Noise(6.0, 0.05), 1000);

        Assert.False(ended);
        Assert.False(detector.HeardSpeech);
        Assert.InRange(detector.NoiseFloor, 0.04, 0.06);
    }

    [Fact]
    public void Speech_over_steady_noise_is_heard_and_its_end_found()
    {
        var detector = new VoiceActivityDetector();
        var noise = Noise(4.0, 0.02, seed: 7);
        var speech = Concat(Silence(1.0), Tone(1.0, 0.3), Silence(2.0));

        bool ended = PushInChunks(detector, Mix(noise, speech), 333);

        Assert.True(ended);
        Assert.True(detector.HeardSpeech);
        Assert.InRange(detector.Heard.TotalSeconds, 2.0 + 0.7 - Frame, 2.0 + 0.7 + (2 * Frame));
    }

    [Fact]
    public void A_click_shorter_than_the_least_speech_is_not_speech()
    {
        var detector = new VoiceActivityDetector();

        bool ended = PushInChunks(detector, Concat(Silence(0.5), Tone(0.03, 0.5), Silence(2.0)), 480);

        Assert.False(ended);
        Assert.False(detector.HeardSpeech);
    }

    [Fact]
    public void Speech_that_never_stops_ends_at_the_maximum_length()
    {
        var detector = new VoiceActivityDetector(new VoiceActivityOptions { MaxLength = TimeSpan.FromSeconds(3) });

        bool ended = PushInChunks(detector, Tone(5.0, 0.3), 4000);

        Assert.True(ended);
        Assert.True(detector.EndedByLength);
        Assert.InRange(detector.Heard.TotalSeconds, 3.0, 3.0 + Frame);
    }

    [Fact]
    public void Samples_after_the_end_are_ignored()
    {
        var detector = new VoiceActivityDetector();
        Assert.True(PushInChunks(detector, Concat(Tone(0.5, 0.3), Silence(1.0)), 480));
        var heard = detector.Heard;

        Assert.True(detector.Push(Tone(1.0, 0.3)));

        Assert.Equal(heard, detector.Heard);
    }

    private static bool PushInChunks(VoiceActivityDetector detector, float[] audio, int chunk)
    {
        for (int at = 0; at < audio.Length; at += chunk)
        {
            if (detector.Push(audio.AsSpan(at, Math.Min(chunk, audio.Length - at))))
            {
                return true;
            }
        }

        return false;
    }
}
