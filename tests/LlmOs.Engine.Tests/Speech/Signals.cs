namespace LlmOs.Engine.Tests.Speech;

/// <summary>Synthetic 16 kHz signals: tones, silence and seeded white noise, for the voice-activity detector.</summary>
internal static class Signals
{
    public const int Rate = 16_000;

    public static float[] Tone(double seconds, double amplitude, double hertz = 440) =>
        [.. Enumerable.Range(0, Samples(seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hertz * i / Rate)))];

    public static float[] Silence(double seconds) => new float[Samples(seconds)];

    /// <summary>Uniform white noise of the given RMS level, the same for the same seed.</summary>
    public static float[] Noise(double seconds, double rms, int seed = 1)
    {
        var random = new Random(seed);
        double half = rms * Math.Sqrt(3); // a uniform [-a, a] has RMS a/sqrt(3)
        return [.. Enumerable.Range(0, Samples(seconds)).Select(_ => (float)(((random.NextDouble() * 2) - 1) * half))];
    }

    /// <summary>Sample-by-sample sum of signals of equal length.</summary>
    public static float[] Mix(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x + y)];

    public static float[] Concat(params float[][] parts) => [.. parts.SelectMany(p => p)];

    public static int Samples(double seconds) => (int)Math.Round(seconds * Rate);
}
