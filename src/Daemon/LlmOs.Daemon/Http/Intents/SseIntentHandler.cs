using System.Collections.Concurrent;
using System.Threading.Channels;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.Intents;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>
/// A socket client's handler: each request goes down its open event stream as a <c>dispatch</c> event (through a
/// bounded channel the stream's writer drains, so the engine never waits on a slow client), and the client answers
/// with a POST that completes the waiting call. When the stream ends, every request still waiting fails.
/// </summary>
internal sealed class SseIntentHandler : IIntentHandler
{
    /// <summary>Requests that may wait in the channel for the stream's writer; past that, the client is not reading and new ones fail as busy.</summary>
    public const int MaxWaitingDispatches = 64;

    private static readonly Dictionary<string, System.Text.Json.JsonElement> NoSlots = [];

    private readonly Channel<IntentDispatchEvent> _outbox = Channel.CreateBounded<IntentDispatchEvent>(
        new BoundedChannelOptions(MaxWaitingDispatches) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<string, PendingDispatch> _pending = new(StringComparer.Ordinal);
    private readonly SocketIntentHandlers _handlers;
    private readonly ILogger _logger;
    private volatile bool _closed;

    public SseIntentHandler(string registrationId, uint ownerUid, SocketIntentHandlers handlers, ILogger logger)
    {
        RegistrationId = registrationId;
        OwnerUid = ownerUid;
        Owner = "socket:" + registrationId;
        _handlers = handlers;
        _logger = logger;
    }

    public string RegistrationId { get; }

    /// <summary>The registry's owner of this stream's registration: unique per stream.</summary>
    public string Owner { get; }

    public string Address => Owner;

    public uint OwnerUid { get; }

    /// <summary>What the stream's writer sends, in order.</summary>
    public ChannelReader<IntentDispatchEvent> Dispatches => _outbox.Reader;

    public async Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dispatch = new PendingDispatch(SocketIntentHandlers.NewId(), this);
        _pending[dispatch.Id] = dispatch;
        _handlers.Track(dispatch);
        try
        {
            // Checked after the dispatch is listed: either Close sees it and fails it, or it sees Close here.
            if (_closed)
            {
                throw StreamGone();
            }

            var wire = new IntentDispatchEvent(dispatch.Id, invocation.Intent, SlotValues.ToWire(invocation.Slots) ?? NoSlots, invocation.Utterance, invocation.CallerUid);
            if (!_outbox.Writer.TryWrite(wire))
            {
                if (_closed)
                {
                    throw StreamGone();
                }

                IntentStreamLog.Backlogged(_logger, Address, MaxWaitingDispatches);
                throw new EngineException(ErrorKind.Busy, $"the handler at {Address} has {MaxWaitingDispatches} requests it has not read yet");
            }

            IntentStreamLog.Dispatched(_logger, dispatch.Id, invocation.Intent, Address);

            // A cancelled task (or a handler that took too long) forgets its dispatch: a later answer finds nothing.
            using (cancellationToken.UnsafeRegister(static (state, token) => ((PendingDispatch)state!).Reply.TrySetCanceled(token), dispatch))
            {
                return await dispatch.Reply.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            _pending.TryRemove(dispatch.Id, out _);
            _handlers.Forget(dispatch.Id);
        }
    }

    /// <summary>Whether a dispatch still waits for its answer (the writer skips the ones cancelled before they went out).</summary>
    public bool IsWaiting(string dispatchId) => _pending.ContainsKey(dispatchId);

    /// <summary>Completes a dispatch with the client's answer; false when it no longer waits (cancelled, timed out, answered).</summary>
    public bool TryAnswer(PendingDispatch dispatch, IntentReply? reply, string? refusal)
    {
        bool answered = refusal is null
            ? dispatch.Reply.TrySetResult(reply!)
            : dispatch.Reply.TrySetException(new IntentRefusedException(refusal));
        if (answered && refusal is null)
        {
            IntentStreamLog.Answered(_logger, dispatch.Id, Address);
        }
        else if (answered)
        {
            IntentStreamLog.Refused(_logger, dispatch.Id, Address, refusal!);
        }

        return answered;
    }

    /// <summary>The stream has ended: nothing more goes out, and every request still waiting fails.</summary>
    public void Close()
    {
        _closed = true;
        _outbox.Writer.TryComplete();
        int failed = 0;
        foreach (var dispatch in _pending.Values)
        {
            failed += dispatch.Reply.TrySetException(StreamGone()) ? 1 : 0;
        }

        IntentStreamLog.Closed(_logger, Address, failed);
    }

    private static IOException StreamGone() => new("its event stream closed before it answered");
}
