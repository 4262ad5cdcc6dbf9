using System.Runtime.InteropServices;

namespace LlmOs.Daemon.Hosting;

/// <summary>What taking sockets from systemd needs beyond .NET: close-on-exec on them and the C library's own environment.</summary>
internal static partial class Posix
{
    private const int SetDescriptorFlags = 2; // F_SETFD
    private const int CloseOnExec = 1; // FD_CLOEXEC

    /// <summary>Marks an inherited descriptor close-on-exec, so that no program llmosd starts holds the listening socket.</summary>
    public static bool SetCloseOnExec(int fd) => Fcntl(fd, SetDescriptorFlags, CloseOnExec) == 0;

    /// <summary>Removes a variable from the C library's environment too (.NET keeps a copy of its own).</summary>
    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetNativeEnvironment(string name);
}
