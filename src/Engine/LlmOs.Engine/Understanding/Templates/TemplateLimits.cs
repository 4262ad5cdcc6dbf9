namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Bounds on the templates stage's CPU work. Matching is a shortest path over (token position, state); a free-text
/// slot may end at any later position, so a template whose text slots can start at many positions ("{a} {b} {c}",
/// an app's example) costs about tokens² per slot. Short utterances never come near these bounds; a long pasted text
/// ("summarize …" with 4096 characters) still matches the built-in templates, whose one text slot starts at a
/// handful of positions and so costs work linear in its length.
/// </summary>
internal static class TemplateLimits
{
    /// <summary>
    /// The most free-text slots one template may have. A template with more is not compiled (it is passed over like
    /// one that does not parse): an app example of many free slots says nothing a template could decide on, and the
    /// semantic stage still has the example.
    /// </summary>
    public const int MaxTextSlots = 4;

    /// <summary>The most matcher steps one template may take; past it, that template does not match (it was a costly guess).</summary>
    public const long MaxStepsPerTemplate = 250_000;

    /// <summary>The most matcher steps for one utterance over all templates; past it the stage returns what it has found.</summary>
    public const long MaxStepsPerUtterance = 4_000_000;
}
