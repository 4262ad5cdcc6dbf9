using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Audio;

/// <summary>
/// The one place audio becomes 16 kHz mono float: the format is told by its first bytes (never by a file name) —
/// RIFF/WAVE, MP3 (an ID3v2 tag or MPEG frame sync), Ogg (Opus inside) — or declared as raw PCM. Sizes and announced
/// durations are checked against <see cref="Limits"/> before any sample is decoded; whatever a decoder library throws
/// on bad input becomes <see cref="ErrorKind.UnsupportedMedia"/>, so no input escapes as another exception.
/// </summary>
public sealed class AudioDecoder(AudioLimits limits) : IAudioDecoder
{
    public AudioLimits Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    public AudioClip Decode(ReadOnlySpan<byte> data, RawAudioFormat? raw = null)
    {
        if (data.Length > Limits.MaxBytes)
        {
            throw AudioRefusals.TooManyBytes(data.Length, Limits.MaxBytes);
        }

        if (data.IsEmpty)
        {
            throw AudioRefusals.Unsupported("the audio is empty (0 bytes)");
        }

        float[] samples;
        try
        {
            samples = raw is not null ? DecodePcm(data, RawLayout.From(raw), null)
                : WavHeaderReader.LooksLikeWav(data) ? DecodeWav(data)
                : OggStream.Looks(data) ? ToClipRate(OpusDecoding.Decode(OggStream.Read(data), Limits.MaxDuration), 48_000)
                : MpegScan.Looks(data) ? DecodeMp3(data)
                : throw AudioRefusals.Unsupported($"the data is not audio llmos reads (WAV, MP3, Ogg/Opus or declared raw PCM){Hint(data)}");
        }
        catch (EngineException)
        {
            throw;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw AudioRefusals.Unsupported($"the audio could not be decoded ({error.GetType().Name}: {error.Message})");
        }

        return samples.Length == 0 ? throw AudioRefusals.Unsupported("the audio holds no samples") : new AudioClip(samples);
    }

    public IAudioStreamDecoder OpenStream(RawAudioFormat? raw = null) =>
        new PcmStreamDecoder(Limits, raw is null ? null : RawLayout.From(raw));

    private float[] DecodeWav(ReadOnlySpan<byte> data)
    {
        WavHeader header = WavHeaderReader.TryRead(data, streaming: false)!;
        if (header.DeclaredFrames is { } frames)
        {
            AudioRefusals.CheckDuration(frames, header.Layout.SampleRate, Limits.MaxDuration);
        }

        ReadOnlySpan<byte> body = data[header.DataOffset..];
        if (header.DataLength is { } length)
        {
            if (length > body.Length)
            {
                throw AudioRefusals.Truncated($"the WAV header announces {length} bytes of samples but only {body.Length} follow");
            }

            body = body[..(int)length];
        }

        return DecodePcm(body, header.Layout, header.DataLength);
    }

    private float[] DecodePcm(ReadOnlySpan<byte> body, PcmLayout layout, long? checkedLength)
    {
        if (checkedLength is null)
        {
            AudioRefusals.CheckDuration(body.Length / layout.FrameBytes, layout.SampleRate, Limits.MaxDuration);
        }

        var mono = new float[body.Length / layout.FrameBytes];
        PcmConverter.ToMono(body, layout, mono);
        return ToClipRate(mono, layout.SampleRate);
    }

    private float[] DecodeMp3(ReadOnlySpan<byte> data)
    {
        MpegScan scan = MpegScan.Read(data);
        AudioRefusals.CheckDuration(scan.Samples, scan.SampleRate, Limits.MaxDuration);
        return ToClipRate(Mp3Decoding.Decode(data, scan), scan.SampleRate);
    }

    private static float[] ToClipRate(float[] mono, int rate) => Resampler.Resample(mono, rate, AudioClip.SampleRate);

    private static string Hint(ReadOnlySpan<byte> data) =>
        data.StartsWith("fLaC"u8) ? " (FLAC is not supported)"
        : data.StartsWith("RF64"u8) ? " (RF64 is not supported)"
        : data.StartsWith("RIFF"u8) ? " (a RIFF file that is not WAVE)"
        : string.Empty;
}
