namespace LlmOs.Engine.Speech;

/// <summary>
/// What a <see cref="ICommandRecognizer"/> heard: the words (empty when nothing), whether they are to be trusted as a
/// command, a confidence in [0, 1], and why they were rejected when they were (for logs and <c>--explain</c>).
/// </summary>
public sealed record CommandHypothesis(string Text, bool Accepted, double Confidence, string? RejectedBecause = null)
{
    public static CommandHypothesis Nothing(string why) => new("", false, 0, why);
}
