namespace LlmOs.Engine.Speech;

/// <summary>The declared format of raw PCM (audio without a header): a sample encoding, a rate and interleaved channels.</summary>
public sealed record RawAudioFormat(PcmEncoding Encoding, int SampleRate, int Channels);
