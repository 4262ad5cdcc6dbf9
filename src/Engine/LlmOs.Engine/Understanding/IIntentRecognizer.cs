namespace LlmOs.Engine.Understanding;

/// <summary>
/// One stage of understanding (templates, semantic, language model), run cheapest first. A stage whose best
/// candidate reaches <see cref="AcceptAt"/> decides; otherwise the next stage runs.
/// </summary>
public interface IIntentRecognizer
{
    /// <summary>The stage's name in results and <c>--explain</c>: <c>templates</c>, <c>semantic</c> or <c>llm</c>.</summary>
    string Name { get; }

    /// <summary>The confidence at which this stage's best candidate is taken without asking the next stage.</summary>
    double AcceptAt { get; }

    /// <summary>The stage's candidates for the context's utterance among the context's intents, best first (at most a handful).</summary>
    ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken);
}
