namespace LlmOs.Engine.Speech;

/// <summary>
/// A finished transcription: the whole text, the language (given or detected; null when nothing was said), every segment,
/// the audio's duration, and which engine made it (<c>whisper:MODEL</c> or <c>grammar</c>).
/// </summary>
public sealed record Transcript(string Text, string? Language, IReadOnlyList<TranscriptSegment> Segments, TimeSpan Duration, string Engine);
