namespace LlmOs.Ipc.Intents;

/// <summary>The event names of a socket registration's stream (<c>POST /v1/intents</c>).</summary>
public static class IntentEventNames
{
    /// <summary>The first event: the registration is in force (<see cref="IntentRegisteredEvent"/>).</summary>
    public const string Registered = "registered";

    /// <summary>A request to answer (<see cref="IntentDispatchEvent"/>).</summary>
    public const string Dispatch = "dispatch";
}
