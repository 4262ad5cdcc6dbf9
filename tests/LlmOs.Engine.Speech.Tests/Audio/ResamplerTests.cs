using System.Buffers;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>The band-limited resampler keeps what is below the lower Nyquist frequency and removes what is above.</summary>
public sealed class ResamplerTests
{
    [Fact]
    public void AOneKilohertzSineFrom44100To16000KeepsItsFrequencyAndAmplitude()
    {
        float[] sine = Sine(1_000, 0.5, 44_100, 44_100);

        float[] resampled = Resampler.Resample(sine, 44_100, 16_000);

        Assert.Equal(16_000, resampled.Length);
        ReadOnlySpan<float> middle = resampled.AsSpan(1_000, 14_000);
        Assert.Equal(0.5, SignalMath.Amplitude(middle, 1_000, 16_000), 2);
        Assert.True(SignalMath.Amplitude(middle, 1_100, 16_000) < 0.01);
        int crossings = 0;
        for (int i = 1; i < middle.Length; i++)
        {
            crossings += Math.Sign(middle[i]) != Math.Sign(middle[i - 1]) ? 1 : 0;
        }

        Assert.InRange(crossings, 1_748, 1_752); // 2 per cycle, 875 ms of a 1 kHz sine.
        Assert.Equal(0.5 / Math.Sqrt(2), SignalMath.Rms(middle), 2);
    }

    [Fact]
    public void ToneAboveTheNewNyquistIsRemovedNotFoldedIntoTheSpeechBand()
    {
        // 12 kHz at 48 kHz would fold to 4 kHz at 16 kHz without the low-pass.
        float[] resampled = Resampler.Resample(Sine(12_000, 0.5, 48_000, 48_000), 48_000, 16_000);

        ReadOnlySpan<float> middle = resampled.AsSpan(1_000, 14_000);
        Assert.True(SignalMath.Amplitude(middle, 4_000, 16_000) < 0.5e-3);
        Assert.True(SignalMath.Rms(middle) < 0.5e-3);
    }

    [Fact]
    public void UpsamplingAddsNoImageOfTheTone()
    {
        float[] resampled = Resampler.Resample(Sine(1_000, 0.5, 8_000, 8_000), 8_000, 16_000);

        ReadOnlySpan<float> middle = resampled.AsSpan(1_000, 14_000);
        Assert.Equal(0.5, SignalMath.Amplitude(middle, 1_000, 16_000), 2);
        Assert.True(SignalMath.Amplitude(middle, 7_000, 16_000) < 1e-3);
    }

    [Theory]
    [InlineData(11_025, 16_000)]
    [InlineData(44_100, 16_000)]
    [InlineData(16_000, 16_000)]
    public void StreamingInChunksEqualsResamplingTheWhole(int from, int to)
    {
        float[] input = AudioFixtures.ChangeRate(AudioFixtures.JfkSamples()[..32_000], 16_000, from);
        var resampler = new StreamingResampler(from, to);
        var output = new ArrayBufferWriter<float>();
        var random = new Random(from);
        for (int offset = 0; offset < input.Length;)
        {
            int size = Math.Min(random.Next(0, 700), input.Length - offset);
            resampler.Push(input.AsSpan(offset, size), output);
            offset += size;
        }

        resampler.Complete(output);

        Assert.Equal(Resampler.Resample(input, from, to), output.WrittenSpan.ToArray());
    }

    private static float[] Sine(double frequency, double amplitude, int rate, int count)
    {
        var samples = new float[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return samples;
    }
}
