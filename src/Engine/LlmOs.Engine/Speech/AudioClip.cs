namespace LlmOs.Engine.Speech;

/// <summary>
/// Speech as every recogniser takes it: 16 kHz mono samples in [-1, 1]. Audio is converted to this once, at the
/// boundary (<see cref="IAudioDecoder"/>), whatever format it came in.
/// </summary>
public sealed class AudioClip(float[] samples)
{
    /// <summary>The one rate llmos recognises speech at (Whisper and pocketsphinx's acoustic models both want it).</summary>
    public const int SampleRate = 16_000;

    public float[] Samples { get; } = samples;

    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);
}
