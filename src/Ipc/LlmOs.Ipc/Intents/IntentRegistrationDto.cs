namespace LlmOs.Ipc.Intents;

/// <summary>
/// One handler's registration as <c>GET /v1/intents</c> lists it: where the handler lives (<c>handler</c>: a socket
/// stream, or a bus name and object path), the connection that owns it, the uid behind that, and its intents.
/// </summary>
public sealed record IntentRegistrationDto(string Handler, string Owner, uint OwnerUid, IReadOnlyList<IntentDto> Intents);
