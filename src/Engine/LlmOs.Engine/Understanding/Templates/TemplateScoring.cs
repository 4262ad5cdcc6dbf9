namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// What each tolerance costs in confidence. An exact match is 1.0; one typo (0.92) or one skipped unknown word (0.93)
/// still clears the templates stage's 0.8, two of them about do, three do not.
/// </summary>
internal static class TemplateScoring
{
    /// <summary>A literal word said with a typo (see <see cref="FuzzyWords"/>).</summary>
    public const double Typo = 0.08;

    /// <summary>A word of the utterance no part of the template accounts for (filler the language did not strip).</summary>
    public const double Skip = 0.07;

    /// <summary>How many words may be skipped in one match.</summary>
    public const int MaxSkips = 2;

    /// <summary>How many literal words a match needs before it may skip any (a short template plus skips would match anything).</summary>
    public const int WordsToSkip = 2;

    /// <summary>
    /// The most a template of free text alone ("{text}") can score: it says nothing specific, so it never decides
    /// alone; the semantic stage or the language model should. A list or typed slot is specific ("{app}").
    /// </summary>
    public const double SlotsOnlyCeiling = 0.7;

    /// <summary>Differences in penalty below this are ties.</summary>
    public const double Epsilon = 1e-9;

    public static double Confidence(double penalty, bool specific)
    {
        double confidence = Math.Max(0, 1 - penalty);
        return Math.Round(specific ? confidence : Math.Min(confidence, SlotsOnlyCeiling), 3);
    }
}
