using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Intents;

/// <summary>
/// A socket client's intent handler stream held open (<c>POST /v1/intents</c>), read event by event: by this test
/// process through HttpClient, or by curl run as a test user. Disposing it hangs up, which drops the registration.
/// </summary>
public sealed class IntentStream : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<(string Event, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly IDisposable _connection;
    private readonly Task _pump;

    private IntentStream(TextReader reader, IDisposable connection)
    {
        _connection = connection;
        _pump = Task.Run(() => PumpAsync(reader));
    }

    /// <summary>The registration's id, from its <c>registered</c> event.</summary>
    public string RegistrationId { get; private set; } = "";

    /// <summary>The intent names the <c>registered</c> event confirmed.</summary>
    public List<string> Intents { get; private set; } = [];

    /// <summary>
    /// Registers as this process (uid root) on a connection of its own and waits for the <c>registered</c> event.
    /// Disposing closes that connection at once (no draining of the endless body first), as a client that quits would.
    /// </summary>
    public static async Task<IntentStream> OpenAsync(string socket, string body)
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
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/intents") { Content = UnixHttp.Json(body) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"registration refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new IntentStream(new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8), new Both(response, http));
        await stream.ReadRegisteredAsync();
        return stream;
    }

    /// <summary>Registers as <paramref name="user"/>, with curl through setpriv, and waits for the <c>registered</c> event.</summary>
    public static async Task<IntentStream> OpenAsUserAsync(string user, string socket, string body)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--reuid=" + user, "--regid=" + TestUsers.Group, "--groups=" + TestUsers.Group, "--reset-env",
            "curl", "-sN", "--unix-socket", socket, "-H", "Content-Type: application/json", "-d", body, "http://localhost/v1/intents"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var stream = new IntentStream(process.StandardOutput, new KilledOnDispose(process));
        await stream.ReadRegisteredAsync();
        return stream;
    }

    /// <summary>The next event; fails the test when none comes in time or the stream ended.</summary>
    public async Task<(string Event, JsonElement Data)> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Patience);
        try
        {
            return await _events.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("the intent stream ended");
        }
    }

    /// <summary>The next <c>dispatch</c> event's data.</summary>
    public async Task<JsonElement> NextDispatchAsync()
    {
        var (name, data) = await NextAsync();
        Assert.Equal("dispatch", name);
        return data;
    }

    /// <summary>Whether an event arrives within <paramref name="wait"/> (for "nothing comes" assertions).</summary>
    public async Task<bool> AnyEventWithinAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _events.Reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Dispose();
        await _pump.WaitAsync(Patience).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ReadRegisteredAsync()
    {
        var (name, data) = await NextAsync();
        Assert.Equal("registered", name);
        RegistrationId = data.GetProperty("registration_id").GetString()!;
        Intents = [.. data.GetProperty("intents").EnumerateArray().Select(e => e.GetString()!)];
    }

    private async Task PumpAsync(TextReader reader)
    {
        string? name = null;
        var data = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length == 0 && data.Length > 0)
                {
                    await _events.Writer.WriteAsync((name ?? "message", JsonDocument.Parse(data.ToString()).RootElement.Clone()));
                    (name, data) = (null, data.Clear());
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line.AsSpan(6));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException)
        {
            // Hung up.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }

    private sealed class KilledOnDispose(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.WaitForExit(5000);
            process.Dispose();
        }
    }
}
