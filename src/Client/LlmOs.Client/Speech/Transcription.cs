namespace LlmOs.Client.Speech;

/// <summary>
/// <c>POST /v1/transcribe</c> (D-Bus <c>Transcribe</c>): the text, the language spoken (given or detected), the audio's
/// duration in seconds, the segments with their times, and the engine that heard it (<c>whisper</c>, <c>pocketsphinx</c>).
/// </summary>
public sealed record Transcription(string Text, string? Language, double Duration, IReadOnlyList<TranscriptionSegment> Segments, string Engine);
