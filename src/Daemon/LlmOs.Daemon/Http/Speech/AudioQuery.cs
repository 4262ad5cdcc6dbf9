using System.Globalization;
using LlmOs.Daemon.Requests;
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

    /// <summary>Raw PCM's declared format (<see cref="RawAudioOptions"/>); none without <c>format</c>.</summary>
    public static RawAudioFormat? Raw(IQueryCollection query) =>
        RawAudioOptions.Parse(Value(query, "format"), Number(query, "rate"), Number(query, "channels"), "");

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
