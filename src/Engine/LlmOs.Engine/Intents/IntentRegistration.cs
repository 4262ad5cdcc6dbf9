namespace LlmOs.Engine.Intents;

/// <summary>
/// One handler's registration: the connection that owns it (a bus unique name, or a socket stream's id), the uid
/// behind that connection, the handler, and the intents it takes.
/// </summary>
public sealed record IntentRegistration(
    string Owner,
    uint OwnerUid,
    IIntentHandler Handler,
    IReadOnlyList<IntentDefinition> Intents)
{
    /// <summary>Registration order, so that the newest handler of an intent wins and an older one takes over when it leaves.</summary>
    public long Sequence { get; init; }
}
