using LlmOs.Engine.Speech;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

/// <summary>Transcripts, voice answers and speech to wire records.</summary>
internal static class SpeechMapper
{
    public static TranscriptionResponse ToDto(Transcript transcript, string? task = null) => new(
        transcript.Text,
        transcript.Language,
        Seconds(transcript.Duration),
        [.. transcript.Segments.Select(ToDto)],
        ModelOf(transcript),
        task);

    public static TranscriptSegmentDto ToDto(TranscriptSegment segment) => new(Seconds(segment.Start), Seconds(segment.End), segment.Text);

    /// <summary>A voice answer; <paramref name="withAudio"/>: the spoken reply in base64 WAV, when there is one.</summary>
    public static VoiceResultDto ToDto(VoiceResult result, bool withAudio = true)
    {
        var answer = result.Answer;
        return new VoiceResultDto(
            result.Transcript.Text,
            result.Transcript.Engine,
            Accepted(result),
            answer?.Intent,
            answer is null ? null : SlotValues.ToWire(answer.Slots) ?? new Dictionary<string, System.Text.Json.JsonElement>(),
            answer?.Confidence,
            answer?.Handler,
            result.Text,
            SlotValues.ToWire(answer?.Action),
            withAudio && result.Speech is { } speech ? Convert.ToBase64String(WavBytes.From(speech)) : null);
    }

    public static TaskResultDto ToTaskResult(Transcript transcript) => new(
        transcript.Text,
        0,
        "stop",
        Language: transcript.Language,
        Duration: Seconds(transcript.Duration),
        Segments: [.. transcript.Segments.Select(ToDto)]);

    public static TaskResultDto ToTaskResult(VoiceResult result)
    {
        var dto = ToDto(result);
        return new TaskResultDto(
            dto.Text,
            0,
            "stop",
            Action: dto.Action,
            Intent: dto.Intent,
            Slots: dto.Slots,
            Confidence: dto.Confidence,
            Handler: dto.Handler,
            Transcript: dto.Transcript,
            Recognizer: dto.Recognizer,
            Accepted: dto.Accepted,
            Language: result.Transcript.Language,
            Duration: Seconds(result.Transcript.Duration),
            Audio: dto.Audio);
    }

    public static TaskResultDto ToTaskResult(SynthesizedSpeech speech, string? text) => new(
        text ?? "",
        0,
        "stop",
        Duration: Seconds(speech.Duration),
        Audio: Convert.ToBase64String(WavBytes.From(speech)));

    /// <summary>Whether the command recogniser trusted what it heard; without it (Whisper alone), whether an intent was acted on.</summary>
    public static bool Accepted(VoiceResult result) => result.Grammar?.Accepted ?? result.Answer is not null;

    /// <summary>The model a transcript names: a speech model's name (<c>whisper:NAME</c> → NAME), else the engine (<c>grammar</c>).</summary>
    private static string ModelOf(Transcript transcript) =>
        transcript.Engine.StartsWith("whisper:", StringComparison.Ordinal) ? transcript.Engine["whisper:".Length..] : transcript.Engine;

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}
