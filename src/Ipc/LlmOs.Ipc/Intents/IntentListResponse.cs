namespace LlmOs.Ipc.Intents;

/// <summary><c>GET /v1/intents</c>: the registrations the caller can reach (its own and root's; root sees all), oldest first.</summary>
public sealed record IntentListResponse(IReadOnlyList<IntentRegistrationDto> Registrations);
