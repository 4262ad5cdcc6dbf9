namespace LlmOs.Engine.Audio;

/// <summary>How one sample is stored in interleaved little-endian PCM.</summary>
internal enum SampleEncoding
{
    Unsigned8,
    Signed16,
    Signed24,
    Signed32,
    Float32,
    Float64,
}

/// <summary>The layout of interleaved PCM: the sample encoding, the channels and the rate.</summary>
internal readonly record struct PcmLayout(SampleEncoding Encoding, int Channels, int SampleRate)
{
    public const int MinRate = 8_000;
    public const int MaxRate = 192_000;
    public const int MaxChannels = 32;

    public int BytesPerSample => Encoding switch
    {
        SampleEncoding.Unsigned8 => 1,
        SampleEncoding.Signed16 => 2,
        SampleEncoding.Signed24 => 3,
        SampleEncoding.Signed32 or SampleEncoding.Float32 => 4,
        _ => 8,
    };

    public int FrameBytes => BytesPerSample * Channels;

    /// <summary>Refuses rates and channel counts llmos does not take (the encoding is known valid by construction).</summary>
    public void Validate()
    {
        if (SampleRate < MinRate || SampleRate > MaxRate)
        {
            throw AudioRefusals.Unsupported($"a sample rate of {SampleRate} Hz is not supported (from {MinRate} to {MaxRate} Hz)");
        }

        if (Channels < 1 || Channels > MaxChannels)
        {
            throw AudioRefusals.Unsupported($"{Channels} channels are not supported (from 1 to {MaxChannels})");
        }
    }
}
