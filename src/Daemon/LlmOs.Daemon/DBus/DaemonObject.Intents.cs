using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Intents;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
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
        intents.Register(caller.UniqueName, caller.Uid, handler, definitions);
        if (caller.Peer.IsGone)
        {
            intents.RemoveOwner(caller.UniqueName); // it left while the call was on its way
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
