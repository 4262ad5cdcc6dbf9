using System.Net.Sockets;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>A plain HttpClient over a Unix socket, for testing the wire exactly as curl would use it.</summary>
public static class UnixHttp
{
    public static HttpClient Create(string socketPath) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    {
        BaseAddress = new Uri("http://localhost/"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
