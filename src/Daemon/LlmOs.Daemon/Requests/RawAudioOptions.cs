using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Raw PCM's declared format, as the query of <c>/v1/voice</c> and D-Bus options give it: <c>format</c> (s16le, u8,
/// s24le, s32le, f32le) with <c>rate</c> (default 16000) and <c>channels</c> (default 1). Without <c>format</c> the audio
/// is a file with a header, and <c>rate</c> or <c>channels</c> alone are refused.
/// </summary>
internal static class RawAudioOptions
{
    public static RawAudioFormat? Parse(string? format, int? rate, int? channels, string prefix)
    {
        if (format is null)
        {
            string? stray = rate is not null ? "rate" : channels is not null ? "channels" : null;
            return stray is null ? null
                : throw new EngineException(ErrorKind.InvalidInput, $"'{stray}' describes raw PCM: give 'format' too (s16le, u8, s24le, s32le, f32le)", prefix + stray);
        }

        var encoding = format switch
        {
            "s16le" => PcmEncoding.S16Le,
            "u8" => PcmEncoding.U8,
            "s24le" => PcmEncoding.S24Le,
            "s32le" => PcmEncoding.S32Le,
            "f32le" => PcmEncoding.F32Le,
            _ => throw new EngineException(ErrorKind.InvalidInput, "'format' is s16le, u8, s24le, s32le or f32le (raw PCM); leave it out for a file with a header", prefix + "format"),
        };
        int sampleRate = rate ?? AudioClip.SampleRate;
        if (sampleRate is < 4_000 or > 192_000)
        {
            throw new EngineException(ErrorKind.InvalidInput, "'rate' is the PCM's sample rate, 4000 to 192000", prefix + "rate");
        }

        int count = channels ?? 1;
        return count is < 1 or > 8
            ? throw new EngineException(ErrorKind.InvalidInput, "'channels' is 1 to 8", prefix + "channels")
            : new RawAudioFormat(encoding, sampleRate, count);
    }
}
