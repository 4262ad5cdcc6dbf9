namespace LlmOs.Engine.Speech;

/// <summary>One decoded stretch of speech: where it is in the audio, its text, and the model's mean token probability.</summary>
public sealed record TranscriptSegment(TimeSpan Start, TimeSpan End, string Text, double Probability, string? Language = null);
