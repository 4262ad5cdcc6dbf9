using System.Text;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Espeak;

public sealed partial class EspeakSynthesizer
{
    private SpeechRequest Validate(string text, SpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EngineException(ErrorKind.InvalidInput, "there is no text to speak", "input");
        }

        if (text.Length > MaxTextLength)
        {
            throw new EngineException(
                ErrorKind.TooLarge, $"the text has {text.Length} characters; the limit is {MaxTextLength}", "input");
        }

        string plain = Plain(text);
        if (string.IsNullOrWhiteSpace(plain))
        {
            throw new EngineException(ErrorKind.InvalidInput, "the text has nothing to speak but control characters", "input");
        }

        string voice = string.IsNullOrWhiteSpace(options.Voice) ? _defaultVoice : options.Voice.Trim();
        if (!_catalog.TryResolve(voice, out string espeakVoice))
        {
            throw new EngineException(
                ErrorKind.InvalidInput, $"'{voice}' is not an installed voice (for example {string.Join(", ", Voices.Take(5))})", "voice");
        }

        int rate = options.WordsPerMinute ?? Espeak.EspeakNative.DefaultRate;
        if (rate is < SpeechOptions.MinWordsPerMinute or > SpeechOptions.MaxWordsPerMinute)
        {
            throw new EngineException(
                ErrorKind.InvalidInput,
                $"the rate is {rate} words per minute; it must be {SpeechOptions.MinWordsPerMinute} to {SpeechOptions.MaxWordsPerMinute}",
                "speed");
        }

        if (!SampleRates.Contains(options.SampleRate))
        {
            throw new EngineException(
                ErrorKind.InvalidInput, $"the sample rate is {options.SampleRate} Hz; it must be 16000 or 22050", "sample_rate");
        }

        return new SpeechRequest(plain, voice, espeakVoice, rate);
    }

    /// <summary>
    /// The text with control characters (a NUL would end it early; escapes and bells mean nothing spoken) as spaces and
    /// unpaired surrogates replaced, so espeak-ng gets well-formed UTF-8 text.
    /// </summary>
    private static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        // EnumerateRunes yields U+FFFD for an unpaired surrogate.
        foreach (Rune rune in text.EnumerateRunes())
        {
            builder.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        }

        return builder.ToString();
    }

}
