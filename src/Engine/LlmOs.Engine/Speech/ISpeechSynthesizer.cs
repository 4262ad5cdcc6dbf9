namespace LlmOs.Engine.Speech;

/// <summary>Text to speech (espeak-ng). Safe to call concurrently; implementations serialise the native engine themselves.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>The voices installed, as the synthesiser names them ("en-us", "en-gb", "es").</summary>
    IReadOnlyList<string> Voices { get; }

    /// <summary>Whether <paramref name="voice"/> can be spoken: one of <see cref="Voices"/>, or one with a variant ("en-us+klatt3").</summary>
    bool HasVoice(string voice) => Voices.Contains(voice, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Speaks <paramref name="text"/>. An unknown voice or a rate or sample rate out of range is
    /// <see cref="Errors.ErrorKind.InvalidInput"/> naming the option; cancelling stops the synthesis.
    /// </summary>
    Task<SynthesizedSpeech> SynthesizeAsync(string text, SpeechOptions options, CancellationToken cancellationToken);
}
