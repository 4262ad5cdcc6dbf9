namespace LlmOs.Engine.Understanding;

/// <summary>
/// The outcome of the recognisers: the chosen intent (never null: <c>chat</c> when nothing else fits), which
/// recogniser chose it, and every stage that ran, in order, for <c>--explain</c>.
/// </summary>
public sealed record UnderstandingResult(IntentCandidate Best, string Recognizer, IReadOnlyList<RecognizerStage> Stages);
