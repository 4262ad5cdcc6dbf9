using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// <c>GET /v1/events</c> held open and read event by event; it is subscribed once <see cref="OpenAsync"/> returns (the
/// daemon's opening comment has arrived). Disposing hangs up.
/// </summary>
public sealed class DueEventStream : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pump;

    private DueEventStream(NetworkStream stream, StreamReader reader)
    {
        _stream = stream;
        _pump = Task.Run(() => PumpAsync(reader));
    }

    /// <summary>The comment lines seen so far (": subscribed", ": keep-alive").</summary>
    public int Comments { get; private set; }

    public static async Task<DueEventStream> OpenAsync(string socket)
    {
        // A plain socket and a hand-written request: the stream is read line by line exactly as the daemon writes it.
        var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket));
        var stream = new NetworkStream(connection, ownsSocket: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        var reader = new StreamReader(stream, Encoding.UTF8);
        string status = await reader.ReadLineAsync() ?? "";
        Assert.StartsWith("HTTP/1.1 200", status);
        bool eventStream = false;
        bool chunked = false;
        while (await reader.ReadLineAsync() is { Length: > 0 } header)
        {
            eventStream |= header.Equals("Content-Type: text/event-stream", StringComparison.OrdinalIgnoreCase);
            chunked |= header.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(eventStream && chunked, "an event stream, chunked");
        var events = new DueEventStream(stream, reader);
        await events._subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return events;
    }

    /// <summary>The next <c>due</c> event's data, or a failure after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _events.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no due event within {timeout.TotalSeconds} s");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("the event stream ended");
        }
    }

    /// <summary>Whether the daemon ended the stream (the chunked body's end, or the connection) within <paramref name="timeout"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout) => await Task.WhenAny(_pump, Task.Delay(timeout)) == _pump;

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    private async Task PumpAsync(StreamReader reader)
    {
        string name = "";
        try
        {
            while (await reader.ReadLineAsync() is { } line && line != "0") // "0": the last chunk, the body's end
            {
                if (line.StartsWith(':'))
                {
                    Comments++;
                    _subscribed.TrySetResult(); // the first comment is ": subscribed"
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "due")
                {
                    _events.Writer.TryWrite(JsonDocument.Parse(line[6..]).RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
