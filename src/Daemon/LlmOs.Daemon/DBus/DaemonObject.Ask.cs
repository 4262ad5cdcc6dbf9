using LlmOs.Daemon.Http.Ask;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
    /// <summary>Ask(s utterance, a{sv} options) → a{sv}: the socket's <c>POST /v1/ask</c>; the ask ends with the call or the caller.</summary>
    private async ValueTask AskAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var body = ReadAsk(context.Request, withExplain: true);
        var task = submitter.SubmitAsk(body, caller.Uid);
        if (!caller.Peer.Attach(task))
        {
            scheduler.Cancel(task);
        }

        try
        {
            await task.Finished.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsFinished)
            {
                scheduler.Cancel(task);
            }
        }

        ReplyRecord(context, AskMapper.ToDto(AskEndpoints.AnswerOf(task), body.Explain), IpcJsonContext.Default.AskResultDto);
    }

    /// <summary>TestUtterance(s utterance, a{sv} options) → a{sv}: the socket's <c>POST /v1/intents/test</c>.</summary>
    private async ValueTask TestUtteranceAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var request = submitter.ValidateAsk(ReadAsk(context.Request, withExplain: false), caller.Uid);
        var understood = await asks.UnderstandAsync(request, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, AskMapper.ToDto(understood), IpcJsonContext.Default.IntentTestResponse);
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

    /// <summary>The utterance and the options dictionary (language, time_zone, explain: TestUtterance always explains) as the socket's body.</summary>
    private AskRequestDto ReadAsk(Message message, bool withExplain)
    {
        var reader = message.GetBodyReader();
        string utterance = reader.ReadString();
        var options = BusInput.ReadDictionary(ref reader, "options");
        if (options.ContainsKey("utterance"))
        {
            throw new EngineException(ErrorKind.InvalidInput, "unknown option 'utterance' (the utterance is the first argument)", "options.utterance");
        }

        var body = options.Count == 0 ? new AskRequestDto(null) : BusInput.Read(options, IpcJsonContext.Default.AskRequestDto, "options", settings.MaxRequestBytes);
        return body with { Utterance = utterance, Explain = body.Explain && withExplain };
    }
}
