namespace LlmOs.Engine.Speech;

/// <summary>Speech made by an <see cref="ISpeechSynthesizer"/>: 16-bit mono samples at <see cref="SampleRate"/>; <c>WavFile</c> writes it.</summary>
public sealed record SynthesizedSpeech(short[] Samples, int SampleRate)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);
}
