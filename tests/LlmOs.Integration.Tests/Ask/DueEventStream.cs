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
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _pump;

    private DueEventStream(HttpClient http, HttpResponseMessage response, StreamReader reader)
    {
        _http = http;
        _response = response;
        _pump = Task.Run(() => PumpAsync(reader));
    }

    /// <summary>The comment lines seen so far (": subscribed", ": keep-alive").</summary>
    public int Comments { get; private set; }

    public static async Task<DueEventStream> OpenAsync(string socket)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                return new NetworkStream(connection, ownsSocket: true);
            },
            MaxResponseDrainSize = 0,
        })
        {
            BaseAddress = new Uri("http://localhost/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var response = await http.GetAsync("v1/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        Assert.Equal(": subscribed", await reader.ReadLineAsync());
        return new DueEventStream(http, response, reader);
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

    /// <summary>Whether the daemon ended the stream within <paramref name="timeout"/>.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout) => await Task.WhenAny(_pump, Task.Delay(timeout)) == _pump;

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        _http.Dispose();
        await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(5)));
    }

    private async Task PumpAsync(StreamReader reader)
    {
        string name = "";
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(':'))
                {
                    Comments++;
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
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
