namespace LlmOs.Engine.Understanding;

/// <summary>What one recogniser made of an utterance: its candidates, best first, and how long it took.</summary>
public sealed record RecognizerStage(string Recognizer, IReadOnlyList<IntentCandidate> Candidates, TimeSpan Elapsed)
{
    /// <summary>Whether this stage's best candidate cleared its threshold and so decided the intent.</summary>
    public bool Decided { get; init; }
}
