using System.Globalization;
using System.Net.Sockets;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// Socket activation (sd_listen_fds(3)): the listening sockets systemd passes from descriptor 3 on, announced by
/// <c>LISTEN_FDS</c> for the process <c>LISTEN_PID</c> names, with <c>LISTEN_FDNAMES</c> naming them. Only Unix stream
/// sockets are served: llmosd knows its callers by their peer credentials, which nothing else carries.
/// </summary>
internal static class SystemdSockets
{
    public const int FirstFd = 3;
    private static readonly string[] Variables = ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"];

    /// <summary>
    /// Takes the sockets meant for this process, and removes the <c>LISTEN_*</c> variables so that no program llmosd
    /// starts believes they are meant for it. <paramref name="refused"/> describes descriptors that were passed but are
    /// not Unix stream sockets (they are left alone).
    /// </summary>
    public static IReadOnlyList<InheritedSocket> Take(out IReadOnlyList<string> refused)
    {
        string? pid = Environment.GetEnvironmentVariable("LISTEN_PID");
        string? count = Environment.GetEnvironmentVariable("LISTEN_FDS");
        string[] names = Environment.GetEnvironmentVariable("LISTEN_FDNAMES")?.Split(':') ?? [];
        foreach (string variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
            _ = Posix.UnsetNativeEnvironment(variable);
        }

        var problems = new List<string>();
        refused = problems;
        if (pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
        {
            return [];
        }

        var sockets = new List<InheritedSocket>(n);
        for (int fd = FirstFd; fd < FirstFd + n; fd++)
        {
            string? name = fd - FirstFd < names.Length ? names[fd - FirstFd] : null;
            _ = Posix.SetCloseOnExec(fd);
            if (UnixStreamPath(fd) is { } path)
            {
                sockets.Add(new InheritedSocket(fd, path, name));
            }
            else
            {
                problems.Add($"descriptor {fd}{(name is null ? "" : $" ({name})")}");
            }
        }

        return sockets;
    }

    /// <summary>The path a Unix stream socket is bound to (getsockname), or null when the descriptor is something else.</summary>
    private static string? UnixStreamPath(int fd)
    {
        try
        {
            using var socket = new Socket(new SafeSocketHandle(fd, ownsHandle: false));
            return socket.AddressFamily == AddressFamily.Unix && socket.SocketType == SocketType.Stream
                && socket.LocalEndPoint is UnixDomainSocketEndPoint endPoint && endPoint.ToString() is { Length: > 0 } path
                ? path
                : null;
        }
        catch (SocketException)
        {
            return null; // not a socket at all
        }
    }
}
