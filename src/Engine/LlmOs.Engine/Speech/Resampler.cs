using System.Buffers;

namespace LlmOs.Engine.Speech;

/// <summary>
/// Converts mono samples between rates with a band-limited (windowed-sinc) filter whose low-pass sits below the lower
/// Nyquist frequency, so downsampling does not fold high frequencies into the speech band. The same arithmetic as
/// <see cref="StreamingResampler"/>: a whole clip and the same clip streamed in chunks give identical samples.
/// </summary>
public static class Resampler
{
    /// <summary>The samples of <paramref name="input"/> (at <paramref name="fromRate"/> Hz) at <paramref name="toRate"/> Hz.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        if (fromRate == toRate)
        {
            return input.ToArray();
        }

        var resampler = new StreamingResampler(fromRate, toRate);
        var output = new ArrayBufferWriter<float>((int)Math.Min(int.MaxValue, ((long)input.Length * toRate / fromRate) + 1));
        resampler.Push(input, output);
        resampler.Complete(output);
        return output.WrittenSpan.ToArray();
    }
}
