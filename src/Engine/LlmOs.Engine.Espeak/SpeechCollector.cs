namespace LlmOs.Engine.Espeak;

/// <summary>
/// The samples of one synthesis, as the synth callback hands them over. Asking for more (returning false) stops
/// espeak-ng: when the request is cancelled or the speech grows past <paramref name="maxSamples"/>.
/// </summary>
internal sealed class SpeechCollector(int maxSamples, CancellationToken cancellationToken)
{
    private short[] buffer = new short[16_384];
    private int count;

    public bool TooLong { get; private set; }

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Keeps <paramref name="samples"/>; false: stop synthesising.</summary>
    public bool Add(ReadOnlySpan<short> samples)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (count + samples.Length > maxSamples)
        {
            TooLong = true;
            return false;
        }

        if (count + samples.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Min(maxSamples, Math.Max(buffer.Length * 2, count + samples.Length)));
        }

        samples.CopyTo(buffer.AsSpan(count));
        count += samples.Length;
        return true;
    }

    public short[] ToArray() => buffer.AsSpan(0, count).ToArray();
}
