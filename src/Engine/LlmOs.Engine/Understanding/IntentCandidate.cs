namespace LlmOs.Engine.Understanding;

/// <summary>
/// One recogniser's guess: an intent, its slot values (typed as <see cref="Slots.SlotTypes"/> says), a confidence
/// from 0 to 1, and what it rests on (the template that matched, the nearest example), for <c>--explain</c>.
/// </summary>
public sealed record IntentCandidate(
    string Intent,
    IReadOnlyDictionary<string, object> Slots,
    double Confidence,
    string? Evidence = null);
