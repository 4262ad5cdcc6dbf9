namespace LlmOs.Client.Speech;

/// <summary>One stretch of a transcription: from <see cref="Start"/> to <see cref="End"/> seconds into the audio, and its text.</summary>
public sealed record TranscriptionSegment(double Start, double End, string Text);
