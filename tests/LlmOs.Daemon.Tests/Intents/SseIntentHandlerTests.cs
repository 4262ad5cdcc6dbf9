using LlmOs.Daemon.Http.Intents;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Daemon.Tests.Intents;

/// <summary>The socket handler without HTTP: a request goes into its channel, an answer completes it, the stream's end fails what waits.</summary>
public sealed class SseIntentHandlerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly SocketIntentHandlers _handlers = new();
    private readonly SseIntentHandler _handler;

    public SseIntentHandlerTests() => _handler = new SseIntentHandler("r1", 1000, _handlers, NullLogger.Instance);

    private static IntentInvocation Invocation() =>
        new("timer.set", new Dictionary<string, object> { ["minutes"] = 5L }, "five minutes", 1000);

    private async Task<(Task<IntentReply> Call, PendingDispatch Dispatch)> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var call = _handler.HandleAsync(Invocation(), cancellationToken);
        var wire = await _handler.Dispatches.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("timer.set", wire.Intent);
        Assert.Equal(5, wire.Slots["minutes"].GetInt64());
        Assert.Equal("five minutes", wire.Utterance);
        Assert.Equal(1000u, wire.CallerUid);
        return (call, _handlers.Find(wire.DispatchId, 1000)!);
    }

    [Fact]
    public async Task An_answer_completes_the_call_and_a_second_answer_finds_nothing()
    {
        var (call, dispatch) = await DispatchAsync();
        Assert.False(call.IsCompleted);
        Assert.True(_handler.IsWaiting(dispatch.Id));

        Assert.True(_handler.TryAnswer(dispatch, new IntentReply("Timer set"), null));

        Assert.Equal("Timer set", (await call.WaitAsync(Patience)).Text);
        Assert.Null(_handlers.Find(dispatch.Id, 1000));
        Assert.False(_handler.IsWaiting(dispatch.Id));
        Assert.False(_handler.TryAnswer(dispatch, new IntentReply("again"), null));
    }

    [Fact]
    public async Task Another_uid_cannot_find_the_dispatch()
    {
        var (_, dispatch) = await DispatchAsync();

        Assert.Null(_handlers.Find(dispatch.Id, 1001));
        Assert.Null(_handlers.Find(dispatch.Id, 0));
        Assert.NotNull(_handlers.Find(dispatch.Id, 1000));
    }

    [Fact]
    public async Task A_refusal_fails_the_call_with_its_message()
    {
        var (call, dispatch) = await DispatchAsync();

        Assert.True(_handler.TryAnswer(dispatch, null, "no such timer"));

        var e = await Assert.ThrowsAsync<IntentRefusedException>(() => call.WaitAsync(Patience));
        Assert.Equal("no such timer", e.Message);
    }

    [Fact]
    public async Task A_cancelled_call_is_forgotten()
    {
        using var cancel = new CancellationTokenSource();
        var (call, dispatch) = await DispatchAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
        Assert.Null(_handlers.Find(dispatch.Id, 1000));
        Assert.False(_handler.TryAnswer(dispatch, new IntentReply("late"), null));
    }

    [Fact]
    public async Task Closing_fails_every_waiting_call_and_refuses_new_ones()
    {
        var (first, _) = await DispatchAsync();
        var (second, _) = await DispatchAsync();

        _handler.Close();

        Assert.Contains("closed", (await Assert.ThrowsAsync<IOException>(() => first.WaitAsync(Patience))).Message);
        await Assert.ThrowsAsync<IOException>(() => second.WaitAsync(Patience));
        await Assert.ThrowsAsync<IOException>(() => _handler.HandleAsync(Invocation(), CancellationToken.None).WaitAsync(Patience));
        Assert.False(await _handler.Dispatches.WaitToReadAsync().AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task A_client_that_does_not_read_gets_busy_instead_of_blocking_the_engine()
    {
        var calls = Enumerable.Range(0, SseIntentHandler.MaxWaitingDispatches).Select(_ => _handler.HandleAsync(Invocation(), CancellationToken.None)).ToList();

        var e = await Assert.ThrowsAsync<EngineException>(() => _handler.HandleAsync(Invocation(), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(ErrorKind.Busy, e.Kind);
        Assert.All(calls, c => Assert.False(c.IsCompleted));
        _handler.Close();
        await Assert.ThrowsAsync<IOException>(() => calls[0].WaitAsync(Patience));
    }

    [Fact]
    public void A_uid_may_keep_a_bounded_number_of_streams()
    {
        for (int i = 0; i < SocketIntentHandlers.MaxStreamsPerUid; i++)
        {
            Assert.True(_handlers.TryOpen(1000));
        }

        Assert.False(_handlers.TryOpen(1000));
        Assert.True(_handlers.TryOpen(1001));
        _handlers.Closed(1000);
        Assert.True(_handlers.TryOpen(1000));
    }
}
