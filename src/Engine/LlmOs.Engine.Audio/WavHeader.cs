namespace LlmOs.Engine.Audio;

/// <summary>
/// What a WAV file's header says: the layout of its samples, where its data chunk's samples start, and how many bytes
/// it announces (null: unknown, as a stream being recorded writes it).
/// </summary>
internal sealed record WavHeader(PcmLayout Layout, int DataOffset, long? DataLength)
{
    /// <summary>The announced duration in frames, when the data length is known.</summary>
    public double? DeclaredFrames => DataLength is { } length ? length / (double)Layout.FrameBytes : null;
}
