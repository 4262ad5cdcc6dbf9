namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// The best way one template matched an utterance: its penalty (typos, skipped words), how many literal words
/// matched (more is more specific), how many tokens free text took (fewer is more specific), and the slot values.
/// </summary>
internal sealed record TemplateMatch(CompiledTemplate Template, double Penalty, int Words, int TextTokens, IReadOnlyDictionary<string, object> Slots)
{
    public double Confidence => TemplateScoring.Confidence(Penalty, Template.IsSpecific);

    /// <summary>Whether this match is better than <paramref name="other"/>: more confident, then more words, then less free text.</summary>
    public bool IsBetterThan(TemplateMatch? other)
    {
        if (other is null)
        {
            return true;
        }

        if (Math.Abs(Confidence - other.Confidence) > TemplateScoring.Epsilon)
        {
            return Confidence > other.Confidence;
        }

        return Words != other.Words ? Words > other.Words : TextTokens < other.TextTokens;
    }
}
