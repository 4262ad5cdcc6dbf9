using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http.Speech;

/// <summary>
/// The options of <c>/v1/voice</c> and <c>/v1/transcribe</c>, which come in the query (the body is the audio): the task
/// options of the same names (<c>model</c>, <c>language</c>, <c>time_zone</c>, <c>speak</c>, <c>voice</c>,
/// <c>speed</c>, <c>sample_rate</c>, <c>priority</c>), <c>stream</c>, and for raw PCM its <c>format</c> (s16le, u8,
/// s24le, s32le, f32le), <c>rate</c> and <c>channels</c>. An unknown or repeated parameter is refused by name; which
/// options an endpoint takes is its validator's to say.
/// </summary>
internal static class AudioQuery
{
    private static readonly string[] Known =
        ["model", "language", "time_zone", "speak", "voice", "speed", "sample_rate", "priority", "stream", "format", "rate", "channels"];

    public static (TaskOptions Options, RawAudioFormat? Raw, bool Stream) Parse(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                string shown = name.Length <= 40 ? name : name[..40] + "…";
                throw new EngineException(ErrorKind.InvalidInput, $"unknown query parameter '{shown}'; known: {string.Join(", ", Known)}", shown);
            }

            if (values.Count > 1)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"'{name}' is given {values.Count} times", name);
            }
        }

        var options = new TaskOptions(
            Model: Value(query, "model"),
            Priority: Value(query, "priority"),
            Language: Value(query, "language"),
            TimeZone: Value(query, "time_zone"),
            Voice: Value(query, "voice"),
            Speed: Number(query, "speed"),
            SampleRate: Number(query, "sample_rate"),
            Speak: Flag(query, "speak"));
        return (options, Raw(query), Flag(query, "stream") ?? false);
    }

    /// <summary>Raw PCM's declared format: <c>format</c> with <c>rate</c> (default 16000) and <c>channels</c> (default 1); none without <c>format</c>.</summary>
    public static RawAudioFormat? Raw(IQueryCollection query)
    {
        string? format = Value(query, "format");
        if (format is null)
        {
            string? stray = query.ContainsKey("rate") ? "rate" : query.ContainsKey("channels") ? "channels" : null;
            return stray is null ? null : throw new EngineException(ErrorKind.InvalidInput, $"'{stray}' describes raw PCM: give 'format' too (s16le, u8, s24le, s32le, f32le)", stray);
        }

        var encoding = format switch
        {
            "s16le" => PcmEncoding.S16Le,
            "u8" => PcmEncoding.U8,
            "s24le" => PcmEncoding.S24Le,
            "s32le" => PcmEncoding.S32Le,
            "f32le" => PcmEncoding.F32Le,
            _ => throw new EngineException(ErrorKind.InvalidInput, "'format' is s16le, u8, s24le, s32le or f32le (raw PCM); leave it out for a file with a header", "format"),
        };
        int rate = Number(query, "rate") ?? AudioClip.SampleRate;
        if (rate is < 4_000 or > 192_000)
        {
            throw new EngineException(ErrorKind.InvalidInput, "'rate' is the PCM's sample rate, 4000 to 192000", "rate");
        }

        int channels = Number(query, "channels") ?? 1;
        if (channels is < 1 or > 8)
        {
            throw new EngineException(ErrorKind.InvalidInput, "'channels' is 1 to 8", "channels");
        }

        return new RawAudioFormat(encoding, rate, channels);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static int? Number(IQueryCollection query, string name) =>
        Value(query, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed) ? parsed
        : throw new EngineException(ErrorKind.InvalidInput, $"'{name}' must be a whole number", name);

    private static bool? Flag(IQueryCollection query, string name) => Value(query, name) switch
    {
        null => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new EngineException(ErrorKind.InvalidInput, $"'{name}' is true or false", name),
    };
}
