namespace LlmOs.Client.Speech;

/// <summary>How to transcribe: the speech model (null: llmosd's default) and the spoken language (null: detected).</summary>
public sealed record TranscribeOptions(string? Model = null, string? Language = null);
