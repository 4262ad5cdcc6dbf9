namespace LlmOs.Client.Speech;

/// <summary>How to speak: the espeak-ng voice ("en-us", "de"; null: llmosd's default), words per minute and the WAV's sample rate (16000 or 22050).</summary>
public sealed record SpeakOptions(string? Voice = null, int? Speed = null, int? SampleRate = null);
