using System.Net.Sockets;
using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// The socket file's life: refuse to start over a live daemon, replace a stale file, restrict who may
/// connect (0600 for a user, 0660 and the llmos group for the system), and remove it on the way out.
/// </summary>
internal static class SocketFile
{
    /// <summary>Makes the path free for a new socket.</summary>
    /// <exception cref="DaemonAlreadyRunningException">Another daemon answers on the socket, or the path holds something else.</exception>
    public static void Claim(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(path))
        {
            throw new DaemonAlreadyRunningException($"{path} is a directory, not a socket");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return;
        }

        // A socket file has no content; anything with bytes in it is someone's file, not ours to delete.
        if (info.Length > 0)
        {
            throw new DaemonAlreadyRunningException($"{path} exists and is not a socket; refusing to replace it");
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            File.Delete(path); // nobody listens: a stale file left by a daemon that died
            return;
        }

        throw new DaemonAlreadyRunningException($"another llmosd is already listening on {path}; stop it first, or give this one another --socket");
    }

    /// <summary>Sets the umask so the socket is born with the right mode, not fixed after a window.</summary>
    public static uint RestrictNewFiles(DaemonMode mode) => Posix.SetUmask(mode == DaemonMode.System ? 0b000_000_111u : 0b000_111_111u);

    public static void ApplyPermissions(string path, DaemonSettings settings)
    {
        if (settings.Mode == DaemonMode.System)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            if (Posix.GroupId(settings.SocketGroup) is int gid)
            {
                Posix.Chown(path, -1, gid);
            }
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public static void Remove(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
