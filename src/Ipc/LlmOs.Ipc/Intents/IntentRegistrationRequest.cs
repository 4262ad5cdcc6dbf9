using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Intents;

/// <summary>
/// <c>POST /v1/intents</c>: the intents a socket client offers to handle. The answer is an event stream that stays open:
/// first <c>registered</c> (<see cref="IntentRegisteredEvent"/>), then one <c>dispatch</c> (<see cref="IntentDispatchEvent"/>)
/// per request for them. The registration lasts as long as that stream.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IntentRegistrationRequest(IReadOnlyList<IntentDto>? Intents);
