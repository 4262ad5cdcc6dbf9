using System.Runtime.InteropServices;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// Reading a file descriptor a D-Bus caller passed without ever blocking on it: <c>poll</c> says whether a <c>read</c>
/// would return at once, whatever the descriptor is (a file, a pipe, a socket) and whether the caller made it blocking.
/// </summary>
internal static partial class Posix
{
    public const short PollIn = 0x001;
    public const short PollNval = 0x020;
    public const int Eintr = 4;
    public const int Eagain = 11;
    public const int SeekSet = 0;
    public const int SeekCur = 1;
    public const int SeekEnd = 2;
    private const int GetStatusFlags = 3; // F_GETFL
    private const int AccessModeMask = 3; // O_ACCMODE
    private const int WriteOnly = 1; // O_WRONLY

    /// <summary>
    /// Polls one descriptor for input without waiting: the events that came (<c>POLLIN</c>, <c>POLLHUP</c>, <c>POLLERR</c>,
    /// <c>POLLNVAL</c>), 0 when a read would block, -1 with errno on failure.
    /// </summary>
    public static unsafe int PollInput(int fd)
    {
        // struct pollfd { int fd; short events; short revents; }
        Span<short> pollfd = stackalloc short[4];
        MemoryMarshal.Write(MemoryMarshal.AsBytes(pollfd), in fd);
        pollfd[2] = PollIn;
        fixed (short* p = pollfd)
        {
            int ready = Poll(p, 1, 0);
            return ready <= 0 ? ready : pollfd[3];
        }
    }

    /// <summary>read(2) into <paramref name="buffer"/>: the bytes read, 0 at the end, -1 with errno.</summary>
    public static unsafe nint ReadInto(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Read(fd, p, (nuint)buffer.Length);
        }
    }

    /// <summary>Whether the descriptor was opened for reading (not write-only, as the write end of a pipe is); false when it is not open.</summary>
    public static bool IsOpenForReading(int fd)
    {
        int flags = Fcntl(fd, GetStatusFlags, 0);
        return flags >= 0 && (flags & AccessModeMask) != WriteOnly;
    }

    /// <summary>How many bytes are left from the descriptor's position to its end, or -1 when it cannot seek (a pipe, a socket).</summary>
    public static long RemainingBytes(int fd)
    {
        long position = Seek(fd, 0, SeekCur);
        if (position < 0)
        {
            return -1;
        }

        long end = Seek(fd, 0, SeekEnd);
        _ = Seek(fd, position, SeekSet);
        return end < position ? -1 : end - position;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(short* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    /// <summary>fcntl(2) with an int argument (F_GETFL reads none; a variadic call with only int arguments is safe on Linux x86-64 and arm64).</summary>
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(int fd, long offset, int whence);
}
