using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Intents;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
    public const int MaxHandlersPerConnection = 16;
    public const int MaxHandlersPerUid = 32;

    /// <summary>Serializes D-Bus registrations, so that counting and registering are one step.</summary>
    private readonly Lock _registering = new();

    /// <summary>
    /// RegisterIntentHandler(o handler, aa{sv} intents): the caller's object becomes the handler of these intents for
    /// as long as the caller stays on the bus. Registering the same object again replaces its intents.
    /// </summary>
    private async ValueTask RegisterIntentHandlerAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (path, intentDtos) = ReadRegistration(context.Request);
        var definitions = IntentDefinitionValidator.Validate(intentDtos, "intents");
        var handler = new DBusIntentHandler(context.Connection, caller.UniqueName, path);
        lock (_registering)
        {
            CheckRegistrationRoom(caller, handler.Address);

            // Atomic with the caller's departure: a caller that has left registers nothing; one that leaves later loses it.
            if (!caller.Peer.WhileHere(() => intents.Register(caller.UniqueName, caller.Uid, handler, definitions)))
            {
                return; // it left while the call was on its way: nobody to answer
            }
        }

        BusLog.HandlerRegistered(_logger, caller.UniqueName, caller.Uid, path, definitions.Count);
        ReplyEmpty(context);
    }

    /// <summary>UnregisterIntentHandler(o handler): NotFound when the caller had registered nothing at that path.</summary>
    private async ValueTask UnregisterIntentHandlerAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        string path = context.Request.GetBodyReader().ReadObjectPathAsString();
        if (!intents.Unregister(caller.UniqueName, DBusIntentHandler.AddressOf(caller.UniqueName, path)))
        {
            throw DBusErrors.NotFound($"this connection has registered no intent handler at {path}");
        }

        BusLog.HandlerUnregistered(_logger, caller.UniqueName, path);
        ReplyEmpty(context);
    }

    /// <summary>
    /// Every D-Bus registration holds memory and a place in intent lookup: a connection may keep
    /// <see cref="MaxHandlersPerConnection"/>, a uid <see cref="MaxHandlersPerUid"/> across its connections (as it may
    /// keep 32 socket streams). Registering an object again replaces it and takes no new place.
    /// </summary>
    private void CheckRegistrationRoom(BusCaller caller, string address)
    {
        int ofConnection = 0;
        int ofUid = 0;
        foreach (var registration in intents.List(caller.Uid))
        {
            if (registration.OwnerUid != caller.Uid || registration.Handler is not DBusIntentHandler || registration.Handler.Address == address && registration.Owner == caller.UniqueName)
            {
                continue;
            }

            ofUid++;
            ofConnection += registration.Owner == caller.UniqueName ? 1 : 0;
        }

        if (ofConnection >= MaxHandlersPerConnection)
        {
            throw new EngineException(ErrorKind.Busy, $"this connection has registered {ofConnection} intent handlers; the limit is {MaxHandlersPerConnection} (unregister one first)");
        }

        if (ofUid >= MaxHandlersPerUid)
        {
            throw new EngineException(ErrorKind.Busy, $"uid {caller.Uid} has registered {ofUid} intent handlers over D-Bus; the limit is {MaxHandlersPerUid} (unregister one first)");
        }
    }

    private (string Path, List<IntentDto> Intents) ReadRegistration(Message message)
    {
        var reader = message.GetBodyReader();
        string path = reader.ReadObjectPathAsString();
        var list = new List<IntentDto>();
        var array = reader.ReadArrayStart(DBusType.Array);
        while (reader.HasNext(array))
        {
            string at = $"intents[{list.Count}]";
            if (list.Count >= IntentDefinitionValidator.MaxIntents)
            {
                throw new EngineException(ErrorKind.TooLarge, $"'intents' has more than {IntentDefinitionValidator.MaxIntents} intents; the limit per handler", "intents");
            }

            var dictionary = BusInput.ReadDictionary(ref reader, at);
            list.Add(BusInput.Read(dictionary, IpcJsonContext.Default.IntentDto, at, settings.MaxRequestBytes));
        }

        return (path, list);
    }
}
