namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// The words a language's slot parsers and normaliser need: number words, duration units, time and date words,
/// filler words. Loaded from the language's <c>words.yaml</c>, so a language is added as data, not code.
/// </summary>
public sealed class LanguageWords
{
    /// <summary>Words dropped before matching ("please", "um", "hey"), as normalised tokens.</summary>
    public IReadOnlySet<string> Filler { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
