namespace LlmOs.Engine.Intents;

/// <summary>
/// One request for a handler: the recognised intent, its slot values (string, long, double or bool),
/// the words the user said or typed, and the uid on whose behalf it runs.
/// </summary>
public sealed record IntentInvocation(
    string Intent,
    IReadOnlyDictionary<string, object> Slots,
    string Utterance,
    uint CallerUid);
