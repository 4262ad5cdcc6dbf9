using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using LlmOs.Daemon.Http.Intents;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.Intents;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Daemon.Tests.Intents;

/// <summary>The socket handler's event stream as written to a pipe: registered first, dispatches as they come, keep-alives in silence.</summary>
public sealed class IntentEventStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Pipe _pipe = new();
    private readonly SseIntentHandler _handler = new("r1", 1000, new SocketIntentHandlers(), NullLogger.Instance);
    private readonly StringBuilder _received = new();

    private Task Run(TimeSpan keepAlive, CancellationToken cancellationToken) =>
        IntentEventStream.RunAsync(_pipe.Writer, _handler, new IntentRegisteredEvent("r1", ["timer.set"]), keepAlive, cancellationToken);

    /// <summary>Reads from the pipe until the text so far holds <paramref name="count"/> blocks (events or comments).</summary>
    private async Task<List<string>> BlocksAsync(int count)
    {
        while (true)
        {
            var blocks = _received.ToString().Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            if (blocks.Length >= count)
            {
                return [.. blocks];
            }

            var read = await _pipe.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            _received.Append(Encoding.UTF8.GetString(read.Buffer.ToArray()));
            _pipe.Reader.AdvanceTo(read.Buffer.End);
        }
    }

    [Fact]
    public async Task Registered_comes_first_then_each_dispatch_as_an_event_of_its_own()
    {
        using var stop = new CancellationTokenSource();
        var running = Run(TimeSpan.FromSeconds(30), stop.Token);

        var first = Assert.Single(await BlocksAsync(1));
        Assert.Equal("event: registered\ndata: {\"registration_id\":\"r1\",\"intents\":[\"timer.set\"]}", first);

        var call = _handler.HandleAsync(new IntentInvocation("timer.set", new Dictionary<string, object> { ["minutes"] = 5L }, "five minutes", 1000), CancellationToken.None);
        var blocks = await BlocksAsync(2);
        Assert.StartsWith("event: dispatch\ndata: ", blocks[1], StringComparison.Ordinal);
        using var data = JsonDocument.Parse(blocks[1]["event: dispatch\ndata: ".Length..]);
        Assert.Equal(5, data.RootElement.GetProperty("slots").GetProperty("minutes").GetInt32());
        Assert.Equal("five minutes", data.RootElement.GetProperty("utterance").GetString());
        Assert.Equal(1000u, data.RootElement.GetProperty("caller_uid").GetUInt32());
        Assert.False(call.IsCompleted);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience));
    }

    [Fact]
    public async Task Silence_is_broken_by_keep_alive_comments()
    {
        using var stop = new CancellationTokenSource();
        var running = Run(TimeSpan.FromMilliseconds(50), stop.Token);

        var blocks = await BlocksAsync(3);

        Assert.StartsWith("event: registered", blocks[0], StringComparison.Ordinal);
        Assert.Equal([": keep-alive", ": keep-alive"], blocks[1..3]);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience));
    }

    [Fact]
    public async Task The_stream_ends_when_the_handler_is_closed_or_the_reader_is_gone()
    {
        var running = Run(TimeSpan.FromSeconds(30), CancellationToken.None);
        await BlocksAsync(1);
        _handler.Close();
        await running.WaitAsync(Patience);

        var gone = new Pipe();
        await gone.Reader.CompleteAsync();
        var handler = new SseIntentHandler("r2", 1000, new SocketIntentHandlers(), NullLogger.Instance);
        await IntentEventStream.RunAsync(gone.Writer, handler, new IntentRegisteredEvent("r2", ["a.b"]), TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(Patience);
    }
}
