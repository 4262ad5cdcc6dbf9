namespace LlmOs.Engine.Speech;

/// <summary>
/// The low-pass kernel every resampler shares: sinc windowed by Kaiser (β 9, about -90 dB side lobes) over
/// <see cref="ZeroCrossings"/> zero crossings each side, tabulated finely once and read with linear interpolation
/// (error near -100 dB), so that any pair of rates costs no trigonometry per sample.
/// </summary>
internal static class SincKernel
{
    /// <summary>Zero crossings each side of the centre: the transition band narrows as this grows.</summary>
    public const int ZeroCrossings = 32;

    /// <summary>The cut-off as a fraction of the lower Nyquist frequency: room for the transition band below it.</summary>
    public const double Cutoff = 0.9;

    private const int Resolution = 512;
    private const double Beta = 9.0;

    private static readonly float[] Table = Build();

    /// <summary>The kernel at <paramref name="u"/> zero-crossing units from its centre (0 at and beyond the edge).</summary>
    public static float At(double u)
    {
        double position = Math.Abs(u) * Resolution;
        if (position >= ZeroCrossings * Resolution)
        {
            return 0f;
        }

        int index = (int)position;
        float weight = (float)(position - index);
        return Table[index] + ((Table[index + 1] - Table[index]) * weight);
    }

    private static float[] Build()
    {
        var table = new float[(ZeroCrossings * Resolution) + 2];
        double norm = BesselI0(Beta);
        for (int i = 0; i < table.Length; i++)
        {
            double u = i / (double)Resolution;
            double ratio = u / ZeroCrossings;
            double window = ratio >= 1 ? 0 : BesselI0(Beta * Math.Sqrt(1 - (ratio * ratio))) / norm;
            double sinc = u == 0 ? 1 : Math.Sin(Math.PI * u) / (Math.PI * u);
            table[i] = (float)(sinc * window);
        }

        return table;
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; k < 64 && term > sum * 1e-17; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }

        return sum;
    }
}
