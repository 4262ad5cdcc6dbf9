namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>Comparisons of two recordings of the same speech.</summary>
internal static class SignalMath
{
    /// <summary>The best normalised cross-correlation of <paramref name="a"/> and <paramref name="b"/> over lags up to <paramref name="maxLag"/>.</summary>
    public static double BestCorrelation(float[] a, float[] b, int maxLag)
    {
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double sum = 0, energyA = 0, energyB = 0;
            int start = Math.Max(0, -lag);
            int end = Math.Min(a.Length, b.Length - lag);
            for (int i = start; i < end; i++)
            {
                double x = a[i], y = b[i + lag];
                sum += x * y;
                energyA += x * x;
                energyB += y * y;
            }

            if (energyA > 0 && energyB > 0)
            {
                best = Math.Max(best, sum / Math.Sqrt(energyA * energyB));
            }
        }

        return best;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float sample in samples)
        {
            sum += sample * sample;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    /// <summary>The power of <paramref name="frequency"/> in <paramref name="samples"/> (Goertzel), as an amplitude.</summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int rate)
    {
        double omega = 2 * Math.PI * frequency / rate, coefficient = 2 * Math.Cos(omega);
        double previous = 0, beforePrevious = 0;
        foreach (float sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }
}
