namespace LlmOs.Engine.Speech;

/// <summary>
/// Converts mono samples between rates. PLACEHOLDER (linear interpolation, no low-pass): the audio helper replaces the
/// body with a band-limited resampler; the signature stays.
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

        int count = (int)((long)input.Length * toRate / fromRate);
        var output = new float[count];
        double step = (double)fromRate / toRate;
        for (int i = 0; i < count; i++)
        {
            double position = i * step;
            int left = (int)position;
            int right = Math.Min(left + 1, input.Length - 1);
            double weight = position - left;
            output[i] = (float)((input[left] * (1 - weight)) + (input[right] * weight));
        }

        return output;
    }
}
