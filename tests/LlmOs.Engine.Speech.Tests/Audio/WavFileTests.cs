using LlmOs.Engine.Audio;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>WavFile writes 16-bit mono WAV that reads back (through the real decoder) as what was written.</summary>
public sealed class WavFileTests
{
    private readonly AudioDecoder _decoder = new(new AudioLimits());

    [Fact]
    public void AClipRoundTripsToTheSameSamples()
    {
        float[] original = AudioFixtures.JfkSamples();

        byte[] file = WavFile.Write(new AudioClip(original));
        AudioClip back = _decoder.Decode(file);

        Assert.Equal(44 + (original.Length * 2), file.Length);
        Assert.Equal(original.Length, back.Samples.Length);
        for (int i = 0; i < original.Length; i++)
        {
            Assert.True(Math.Abs(original[i] - back.Samples[i]) <= 1 / 32768f, $"sample {i}");
        }
    }

    [Fact]
    public void SynthesizedSpeechKeepsItsRateAndSamples()
    {
        var samples = new short[22_050];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(10_000 * Math.Sin(2 * Math.PI * 440 * i / 22_050));
        }

        byte[] file = WavFile.Write(new SynthesizedSpeech(samples, 22_050));
        AudioClip back = _decoder.Decode(file);

        Assert.Equal(22_050, BitConverter.ToInt32(file, 24));
        Assert.Equal(1, BitConverter.ToInt16(file, 22));
        Assert.Equal(16, BitConverter.ToInt16(file, 34));
        Assert.Equal(samples[1000], BitConverter.ToInt16(file, 44 + 2000));
        Assert.Equal(1.0, back.Duration.TotalSeconds, 3);
        Assert.Equal(10_000 / 32768.0, SignalMath.Amplitude(back.Samples.AsSpan(1_000, 14_000), 440, 16_000), 2);
    }

    [Fact]
    public void OutOfRangeSamplesAreClipped()
    {
        byte[] file = WavFile.Write(new AudioClip([2f, -2f, float.NaN, 0.5f]));

        Assert.Equal(short.MaxValue, BitConverter.ToInt16(file, 44));
        Assert.Equal(short.MinValue, BitConverter.ToInt16(file, 46));
        Assert.Equal(0, BitConverter.ToInt16(file, 48));
        Assert.Equal(16_384, BitConverter.ToInt16(file, 50));
    }
}
