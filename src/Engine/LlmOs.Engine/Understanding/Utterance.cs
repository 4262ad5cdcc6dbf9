namespace LlmOs.Engine.Understanding;

/// <summary>
/// What a person said or typed, once normalised by its language (see <see cref="Language.LanguagePack.Normalize"/>):
/// the text as given (trimmed) and its words, lower-cased, with punctuation and filler stripped.
/// Recognisers and slot parsers work on <see cref="Tokens"/>; free-text slots take their words back from it.
/// </summary>
public sealed class Utterance(string text, IReadOnlyList<string> tokens)
{
    public string Text { get; } = text;

    public IReadOnlyList<string> Tokens { get; } = tokens;

    public override string ToString() => string.Join(' ', Tokens);
}
