namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The accuracy the pipeline must reach (issue 5's targets, set before the engine existed). Change one only with a
/// written reason beside it.
/// </summary>
public static class CorpusTargets
{
    public const double TuneIntent = 0.90;
    public const double TuneIntentAndSlots = 0.85;
    public const double HeldoutIntent = 0.85;
    public const double HeldoutIntentAndSlots = 0.80;

    /// <summary>The second language is a proof that a language is data: held to the held-out split's intent target.</summary>
    public const double SpanishIntent = 0.85;
    public const double SpanishIntentAndSlots = 0.75;
}
