namespace LlmOs.Engine.Espeak;

/// <summary>
/// The samples of one synthesis, as the synth callback hands them over. Asking for more (returning false) stops
/// espeak-ng: when the request is cancelled or the speech grows past <paramref name="maxSamples"/>.
/// </summary>
internal sealed class SpeechCollector(int maxSamples, CancellationToken cancellationToken)
{
    private short[] _buffer = new short[16_384];
    private int _count;

    public bool TooLong { get; private set; }

    /// <summary>How many samples were kept.</summary>
    public int Count => _count;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Keeps <paramref name="samples"/>; false: stop synthesising.</summary>
    public bool Add(ReadOnlySpan<short> samples)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (_count + samples.Length > maxSamples)
        {
            TooLong = true;
            return false;
        }

        if (_count + samples.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(maxSamples, Math.Max(_buffer.Length * 2, _count + samples.Length)));
        }

        samples.CopyTo(_buffer.AsSpan(_count));
        _count += samples.Length;
        return true;
    }

    public short[] ToArray() => _buffer.AsSpan(0, _count).ToArray();
}
