using LlmOs.Engine.Audio;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>jfk.wav, and jfk.wav converted to other layouts and codecs, all decode to the same 11 s of 16 kHz speech.</summary>
public sealed class AudioDecoderFormatTests
{
    private static readonly float[] Original = AudioFixtures.JfkSamples();
    private readonly AudioDecoder _decoder = new(new AudioLimits());

    [Fact]
    public void JfkDecodesToElevenSecondsAtSixteenKilohertz()
    {
        AudioClip clip = _decoder.Decode(File.ReadAllBytes(AudioFixtures.JfkPath));

        Assert.Equal(176_000, clip.Samples.Length);
        Assert.Equal(11.0, clip.Duration.TotalSeconds, 3);
        Assert.Equal(Original, clip.Samples);
    }

    [Fact]
    public void StereoAt44100With24BitsDecodesToTheSameSpeech()
    {
        float[] upsampled = AudioFixtures.ChangeRate(Original, 16_000, 44_100);
        float[] quieter = [.. upsampled.Select(s => s * 0.5f)];
        byte[] file = TestWav.File([upsampled, quieter], 44_100, TestWav.Kind.Pcm24);

        AssertSameSpeech(_decoder.Decode(file), maxLag: 8);
    }

    [Fact]
    public void EightKilohertzEightBitDecodesToTheSameSpeech()
    {
        byte[] file = TestWav.File([AudioFixtures.Halve(Original)], 8_000, TestWav.Kind.Pcm8);

        AssertSameSpeech(_decoder.Decode(file), maxLag: 8);
    }

    [Theory]
    [InlineData(48_000, TestWav.Kind.Ieee32, false)]
    [InlineData(22_050, TestWav.Kind.Pcm16, true)]
    [InlineData(32_000, TestWav.Kind.Pcm32, false)]
    [InlineData(96_000, TestWav.Kind.Ieee64, true)]
    public void OtherRatesAndWidthsDecodeToTheSameSpeech(int rate, TestWav.Kind kind, bool extensible)
    {
        byte[] file = TestWav.File([AudioFixtures.ChangeRate(Original, 16_000, rate)], rate, kind, extensible);

        AssertSameSpeech(_decoder.Decode(file), maxLag: 8);
    }

    [Fact]
    public void RawPcmOfADeclaredFormatDecodesToTheSameSpeech()
    {
        float[] upsampled = AudioFixtures.ChangeRate(Original, 16_000, 24_000);
        byte[] raw = TestWav.Pcm([upsampled, upsampled], TestWav.Kind.Pcm16);

        AssertSameSpeech(_decoder.Decode(raw, new RawAudioFormat(PcmEncoding.S16Le, 24_000, 2)), maxLag: 8);
    }

    [Fact]
    public void Mp3MadeByLameDecodesToTheSameSpeech()
    {
        string dir = AudioFixtures.TempDirectory();
        string mp3 = Path.Combine(dir, "jfk.mp3");
        AudioFixtures.Run("lame", "--quiet", "-b", "64", AudioFixtures.JfkPath, mp3);

        AudioClip clip = _decoder.Decode(File.ReadAllBytes(mp3));

        // lame adds its encoder delay and padding (well under 0.2 s); the alignment search covers them.
        Assert.InRange(clip.Duration.TotalSeconds, 10.9, 11.25);
        Assert.True(SignalMath.BestCorrelation(Original, clip.Samples, 1_600) > 0.9);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void OggOpusMadeByOpusencDecodesToTheSameSpeech()
    {
        string dir = AudioFixtures.TempDirectory();
        string opus = Path.Combine(dir, "jfk.opus");
        AudioFixtures.Run("opusenc", "--quiet", "--bitrate", "48", AudioFixtures.JfkPath, opus);

        AudioClip clip = _decoder.Decode(File.ReadAllBytes(opus));

        Assert.InRange(clip.Duration.TotalSeconds, 10.98, 11.02);
        Assert.True(SignalMath.BestCorrelation(Original, clip.Samples, 400) > 0.9);
        Directory.Delete(dir, recursive: true);
    }

    private static void AssertSameSpeech(AudioClip clip, int maxLag)
    {
        Assert.InRange(clip.Duration.TotalSeconds, 10.99, 11.01);
        double correlation = SignalMath.BestCorrelation(Original, clip.Samples, maxLag);
        Assert.True(correlation > 0.9, $"correlation {correlation:0.000}");
        double ratio = SignalMath.Rms(clip.Samples) / SignalMath.Rms(Original);
        Assert.InRange(ratio, 0.6, 1.1);
    }
}
