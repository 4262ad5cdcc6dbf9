using System.Net.Sockets;
using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>Garbage thrown at the socket never harms the daemon or a task that is running meanwhile.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class RobustnessTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    private static readonly string[] MalformedRequests =
    [
        "GET / HTTP/1.1\r\n\r\n",
        "GET /v1/health HTTP/9.9\r\nHost: x\r\n\r\n",
        "POST /v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST /v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "POST /v1/tasks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST /v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"ki",
        "GET /v1/tasks/%00%ff HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/tasks/" + new string('a', 10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v1/health HTTP/1.1\r\nHost: x\r\n" + new string('X', 40_000) + ": y\r\n\r\n",
        "DELETE /v1/tasks/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "\r\n\r\n\r\n",
        "GET /v1/tasks/x/events HTTP/1.1\r\nHost: x\r\nLast-Event-ID: -99999999999\r\n\r\n",
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    ];

    [Fact]
    public async Task Random_bytes_and_malformed_http_leave_the_daemon_healthy_and_correct()
    {
        var options = new TaskOptions(MaxTokens: 300, Temperature: 0, Seed: 3);
        string expected = (await _daemon.Client.GenerateAsync("Once upon a time", options)).Result!.Text;

        // A generation runs all through the storm and must come out exactly as it would have.
        var during = _daemon.Client.GenerateAsync("Once upon a time", options);

        var random = new Random(20261129);
        for (int i = 0; i < 2000; i++)
        {
            byte[] payload;
            if (i % 10 == 0)
            {
                payload = Encoding.ASCII.GetBytes(MalformedRequests[(i / 10) % MalformedRequests.Length]);
            }
            else
            {
                payload = new byte[random.Next(1, 2048)];
                random.NextBytes(payload);
                if (i % 3 == 0)
                {
                    // Half-plausible: a real request line followed by noise.
                    payload = [.. "POST /v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n"u8, .. payload];
                }
            }

            await ThrowAsync(payload, readAnswer: i % 2 == 0);
        }

        Assert.Equal(expected, (await during).Result!.Text);
        Assert.Equal("ok", (await _daemon.Client.HealthAsync()).Status);
        Assert.Equal(expected, (await _daemon.Client.GenerateAsync("Once upon a time", options)).Result!.Text);
        Assert.False(_daemon.Process.HasExited);
    }

    private async Task ThrowAsync(byte[] payload, bool readAnswer)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
        try
        {
            await socket.SendAsync(payload);
            if (readAnswer)
            {
                socket.Shutdown(SocketShutdown.Send);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var buffer = new byte[4096];
                while (await socket.ReceiveAsync(buffer, timeout.Token) > 0)
                {
                }
            }
        }
        catch (SocketException)
        {
            // The daemon may hang up on garbage; that is an acceptable answer.
        }
    }
}
