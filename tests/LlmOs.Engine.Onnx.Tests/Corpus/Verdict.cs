namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>What one system (the whole pipeline, or one recogniser alone) made of a row, and which stage said so.</summary>
public sealed record Verdict(string Intent, IReadOnlyDictionary<string, object> Slots, string DecidedBy, double Confidence)
{
    public bool IntentMatches(CorpusRow row) => Intent == row.Intent;

    /// <summary>Null when the intent and every expected slot match, else what differed.</summary>
    public string? Mismatch(CorpusRow row) =>
        !IntentMatches(row) ? $"intent {Intent}" : SlotExpectation.Mismatch(row.Slots, Slots);
}
