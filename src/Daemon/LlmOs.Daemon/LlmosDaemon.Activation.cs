using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LlmOs.Daemon;

/// <summary>
/// Where llmosd listens: on the sockets systemd passed (llmosd.socket), which systemd created and keeps — llmosd never
/// claims, chmods or removes their file — or, started any other way, on a socket file of its own.
/// </summary>
public sealed partial class LlmosDaemon
{
    private IReadOnlyList<InheritedSocket> _inherited = [];
    private IReadOnlyList<string> _refusedDescriptors = [];
    private string _configuredSocket = "";

    /// <summary>True when llmosd serves on a socket systemd passed rather than one it bound.</summary>
    public bool SocketActivated => _inherited.Count > 0;

    /// <summary>Takes systemd's sockets (if any were passed to this process); the first one's path becomes the daemon's socket.</summary>
    private static (IReadOnlyList<InheritedSocket> Inherited, IReadOnlyList<string> Refused, string Configured) TakeSockets(DaemonSettings settings)
    {
        var inherited = SystemdSockets.Take(out var refused);
        string configured = settings.Socket;
        if (inherited.Count > 0)
        {
            settings.Socket = inherited[0].Path; // what status, logs and clients are told
        }

        return (inherited, refused, configured);
    }

    private static void Listen(KestrelServerOptions kestrel, DaemonSettings settings, IReadOnlyList<InheritedSocket> inherited)
    {
        if (inherited.Count == 0)
        {
            kestrel.ListenUnixSocket(settings.Socket);
            return;
        }

        foreach (var socket in inherited)
        {
            kestrel.ListenHandle((ulong)socket.Fd);
        }
    }

    private void LogSockets()
    {
        if (_refusedDescriptors.Count > 0)
        {
            ActivationLog.Ignored(_logger, string.Join(", ", _refusedDescriptors));
        }

        if (!SocketActivated)
        {
            return;
        }

        if (_configuredSocket.Length > 0 && _configuredSocket != Settings.Socket)
        {
            ActivationLog.InheritedElsewhere(_logger, Settings.Socket, _configuredSocket);
        }
        else
        {
            ActivationLog.Inherited(_logger, Settings.Socket);
        }
    }
}
