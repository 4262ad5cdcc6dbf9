using System.Net.Sockets;
using System.Text;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// A test's own <c>NOTIFY_SOCKET</c>, standing in for systemd: a datagram socket bound at <see cref="Path"/> that
/// hands back each sd_notify message the daemon sends.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public NotifySocket(string path)
    {
        Path = path;
        _socket.Bind(new UnixDomainSocketEndPoint(path));
    }

    public string Path { get; }

    /// <summary>The next message; fails the test after 30 s without one.</summary>
    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    /// <summary>The messages already waiting.</summary>
    public async Task<List<string>> ReceiveWaitingAsync()
    {
        var all = new List<string>();
        while (_socket.Available > 0)
        {
            all.Add(await ReceiveAsync());
        }

        return all;
    }

    public void Dispose() => _socket.Dispose();
}
