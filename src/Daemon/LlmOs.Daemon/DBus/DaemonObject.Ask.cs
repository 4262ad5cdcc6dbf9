using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
    /// <summary>
    /// Ask(s utterance, a{sv} options) → a{sv}: the socket's <c>POST /v1/ask</c>, an image (option <c>image</c>, ay) included;
    /// the ask ends with the call or the caller.
    /// </summary>
    private async ValueTask AskAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (body, imageBytes) = ReadAsk(context.Request, withExplain: true);
        var image = imageBytes is null ? null : images.FromBytes(imageBytes, "options.image");
        var answer = await askCalls.AskAsync(body, image, caller.Uid, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, AskMapper.ToDto(answer, body.Explain), IpcJsonContext.Default.AskResultDto);
    }

    /// <summary>TestUtterance(s utterance, a{sv} options) → a{sv}: the socket's <c>POST /v1/intents/test</c>.</summary>
    private async ValueTask TestUtteranceAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (body, imageBytes) = ReadAsk(context.Request, withExplain: false);
        var image = imageBytes is null ? null : images.FromBytes(imageBytes, "options.image");
        var understood = await askCalls.TestAsync(body, image, caller.Uid, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, AskMapper.ToDto(understood), IpcJsonContext.Default.IntentTestResponse);
    }

    /// <summary>GetIntentCatalog(s language) → a{sv}: the socket's <c>GET /v1/intents/catalog</c> ("" for the default language).</summary>
    private async ValueTask GetIntentCatalogAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        string language = context.Request.GetBodyReader().ReadString();
        ReplyRecord(context, askCalls.Catalog(language, caller.Uid, "language"), IpcJsonContext.Default.IntentCatalogResponse);
    }

    /// <summary>Subscribe() → (): the caller's connection gets its uid's Due signals until it leaves the bus.</summary>
    private async ValueTask SubscribeAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);

        // Atomic with the caller's departure, as task signals are: a connection that has left is never subscribed.
        if (!caller.Peer.WhileHere(() => dueSignals.Subscribe(context.Connection, caller.UniqueName, caller.Uid)))
        {
            return;
        }

        ReplyEmpty(context);
    }

    /// <summary>Unsubscribe() → (): no more Due signals to the caller's connection (none subscribed: nothing changes).</summary>
    private async ValueTask UnsubscribeAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        dueSignals.Forget(context.Connection, caller.UniqueName);
        ReplyEmpty(context);
    }

    /// <summary>
    /// The utterance and the options dictionary (language, time_zone, explain: TestUtterance always explains; image) as
    /// the socket's body, with the image's bytes apart when it came as ay (as base64 text it stays in the body).
    /// </summary>
    private (AskRequestDto Body, byte[]? Image) ReadAsk(Message message, bool withExplain)
    {
        var reader = message.GetBodyReader();
        string utterance = reader.ReadString();
        var options = BusInput.ReadDictionary(ref reader, "options");
        return AskBody(utterance, options, withExplain);
    }

    private (AskRequestDto Body, byte[]? Image) AskBody(string utterance, Dictionary<string, VariantValue> options, bool withExplain)
    {
        if (options.ContainsKey("utterance"))
        {
            throw new EngineException(ErrorKind.InvalidInput, "unknown option 'utterance' (the utterance is the first argument)", "options.utterance");
        }

        byte[]? image = BusImages.TakeBytes(options, "image");
        if (image is not null && image.Length > images.MaxBytes)
        {
            throw images.TooLarge("options.image", image.Length);
        }

        var body = options.Count == 0 ? new AskRequestDto(null) : BusInput.Read(options, IpcJsonContext.Default.AskRequestDto, "options", settings.MaxRequestBytes);
        return (body with { Utterance = utterance, Explain = body.Explain && withExplain }, image);
    }
}
