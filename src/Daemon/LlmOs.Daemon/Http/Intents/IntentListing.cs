using LlmOs.Engine.Intents;
using LlmOs.Ipc.Intents;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>Registrations as <c>GET /v1/intents</c> lists them.</summary>
internal static class IntentListing
{
    public static IntentRegistrationDto ToDto(IntentRegistration registration) => new(
        registration.Handler.Address,
        registration.Owner,
        registration.OwnerUid,
        registration.Intents.Select(d => new IntentDto(d.Name, d.Examples, d.Slots, d.Description)).ToList());
}
