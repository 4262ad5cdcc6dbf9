using LlmOs.Client.Speech;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// The a{sv} options of Daemon1's Transcribe, Voice and Speak, keyed as the JSON fields: strings as <c>s</c>, numbers as
/// <c>i</c>, <c>speak</c> as <c>b</c>. Options left unset are not written (llmosd's defaults). Raw PCM adds <c>format</c>,
/// <c>rate</c> and <c>channels</c>, as the socket's query does.
/// </summary>
internal static class SpeechArguments
{
    public static IReadOnlyList<(string Key, object Value)> Transcribe(LlmosAudio audio, TranscribeOptions options) =>
        Present([("model", options.Model), ("language", options.Language), .. Pcm(audio)]);

    public static IReadOnlyList<(string Key, object Value)> Voice(LlmosAudio audio, VoiceOptions options) =>
        Present(
        [
            ("language", options.Language),
            ("time_zone", options.TimeZone),
            ("speak", options.Speak ? true : null),
            ("voice", options.Voice),
            ("speed", options.Speed),
            ("sample_rate", options.SampleRate),
            .. Pcm(audio),
        ]);

    public static IReadOnlyList<(string Key, object Value)> Speak(SpeakOptions options) =>
        Present([("voice", options.Voice), ("speed", options.Speed), ("sample_rate", options.SampleRate)]);

    /// <summary>Writes the options as an a{sv}.</summary>
    public static void Write(ref MessageWriter writer, IReadOnlyList<(string Key, object Value)> options)
    {
        var dictionary = writer.WriteDictionaryStart();
        foreach (var (key, value) in options)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(key);
            switch (value)
            {
                case bool b: writer.WriteVariantBool(b); break;
                case int i: writer.WriteVariantInt32(i); break;
                default: writer.WriteVariantString((string)value); break;
            }
        }

        writer.WriteDictionaryEnd(dictionary);
    }

    private static (string, object?)[] Pcm(LlmosAudio audio) =>
        audio.Pcm is { } pcm ? [("format", pcm.Encoding), ("rate", pcm.Rate), ("channels", pcm.Channels)] : [];

    private static List<(string Key, object Value)> Present(IEnumerable<(string Key, object? Value)> options) =>
        [.. options.Where(o => o.Value is not null).Select(o => (o.Key, o.Value!))];
}
