namespace LlmOs.Ipc.Speech;

/// <summary>
/// A transcription (<c>POST /v1/transcribe</c>, D-Bus <c>Transcribe</c>, OpenAI's <c>verbose_json</c>): the whole
/// <c>text</c>, the <c>language</c> spoken (given or detected; null when nothing was said), the audio's <c>duration</c>
/// in seconds, its <c>segments</c>, and the <c>model</c> that made it (a speech model's name, or <c>grammar</c>).
/// OpenAI's <c>verbose_json</c> adds <c>task</c> ("transcribe").
/// </summary>
public sealed record TranscriptionResponse(
    string Text,
    string? Language,
    double Duration,
    IReadOnlyList<TranscriptSegmentDto> Segments,
    string? Model = null,
    string? Task = null);
