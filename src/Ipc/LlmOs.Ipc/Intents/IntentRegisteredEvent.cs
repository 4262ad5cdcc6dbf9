namespace LlmOs.Ipc.Intents;

/// <summary>The first event of a registration's stream: its id and the names of the intents it took.</summary>
public sealed record IntentRegisteredEvent(string RegistrationId, IReadOnlyList<string> Intents);
