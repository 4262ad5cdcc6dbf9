namespace LlmOs.Ipc.Speech;

/// <summary>One decoded stretch of speech: where it starts and ends in the audio, in seconds, and its text.</summary>
public sealed record TranscriptSegmentDto(double Start, double End, string Text);
