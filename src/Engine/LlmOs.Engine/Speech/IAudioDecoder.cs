using System.Buffers;

namespace LlmOs.Engine.Speech;

/// <summary>
/// The one place audio is converted to <see cref="AudioClip"/>s (16 kHz mono float): WAV (PCM 8/16/24/32-bit and
/// float, any rate, mono or stereo), raw PCM of a declared <see cref="RawAudioFormat"/>, MP3 and Ogg/Opus, all with
/// managed decoders. Bytes that are not audio, truncated audio, an unsupported codec: <see cref="Errors.EngineException"/>
/// with <see cref="Errors.ErrorKind.UnsupportedMedia"/>; over <see cref="AudioLimits"/>: <see cref="Errors.ErrorKind.TooLarge"/>.
/// Never another exception for any input.
/// </summary>
public interface IAudioDecoder
{
    AudioLimits Limits { get; }

    /// <summary>A whole file (<paramref name="raw"/> null: its format is read from its header) or raw PCM of <paramref name="raw"/>.</summary>
    AudioClip Decode(ReadOnlySpan<byte> data, RawAudioFormat? raw = null);

    /// <summary>
    /// A decoder for audio that arrives as it is recorded: a WAV stream (its header first, its sizes may be unknown)
    /// or raw PCM of <paramref name="raw"/>.
    /// </summary>
    IAudioStreamDecoder OpenStream(RawAudioFormat? raw = null);
}

/// <summary>Converts a stream's bytes as they come, keeping what a chunk cut in the middle of a sample or a header.</summary>
public interface IAudioStreamDecoder
{
    /// <summary>Appends the 16 kHz mono samples the next <paramref name="bytes"/> make to <paramref name="output"/>; returns how many.</summary>
    int Push(ReadOnlySpan<byte> bytes, IBufferWriter<float> output);

    /// <summary>The end of the stream: appends what the resampler still holds; a stream cut inside its header is UnsupportedMedia.</summary>
    int Complete(IBufferWriter<float> output);
}
