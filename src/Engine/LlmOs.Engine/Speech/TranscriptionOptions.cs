namespace LlmOs.Engine.Speech;

/// <summary>A transcription's options: the spoken language (an ISO 639-1 code; null: detect it) and a prompt of likely words.</summary>
public sealed record TranscriptionOptions(string? Language = null, string? Prompt = null);
