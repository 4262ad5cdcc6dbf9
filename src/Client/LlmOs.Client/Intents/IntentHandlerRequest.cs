namespace LlmOs.Client.Intents;

/// <summary>
/// One request llmosd hands an app's intent handler: the <see cref="Intent"/> it matched, its <see cref="Slots"/>
/// (each a <see cref="string"/>, <see cref="long"/>, <see cref="double"/> or <see cref="bool"/>) and what the user said.
/// </summary>
public sealed record IntentHandlerRequest(string Intent, IReadOnlyDictionary<string, object> Slots, string Utterance);
