namespace LlmOs.Engine.Speech;

/// <summary>
/// How to speak: a voice (null: the language's default), a rate in words per minute (null: the voice's own, about
/// 175; 80 to 450) and the output's sample rate (16000 or 22050).
/// </summary>
public sealed record SpeechOptions(string? Voice = null, int? WordsPerMinute = null, int SampleRate = 22_050)
{
    public const int MinWordsPerMinute = 80;
    public const int MaxWordsPerMinute = 450;
}
