namespace LlmOs.Engine.Speech;

/// <summary>How one sample of raw PCM is stored (little-endian throughout); the wire names are in lower case (s16le).</summary>
public enum PcmEncoding
{
    U8,
    S16Le,
    S24Le,
    S32Le,
    F32Le,
}
