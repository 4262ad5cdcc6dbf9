using System.Diagnostics;
using System.Runtime.InteropServices;
using LlmOs.Daemon.Hosting;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using Microsoft.Win32.SafeHandles;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Reads an image file from a descriptor a D-Bus caller passed (<c>ClassifyFd</c>, <c>OcrFd</c>, <c>AskFd</c>): a file, a
/// pipe or a socket, blocking or not. At most <c>MaxImageBytes</c> are taken (a file known to be larger is refused
/// before reading, anything else once it passes the limit); the descriptor is polled before each read, so that no
/// thread ever waits on a caller's pipe; and what has not arrived within <see cref="Deadline"/> is refused.
/// </summary>
internal static class DescriptorReader
{
    /// <summary>Long enough for any image through a pipe; short enough that a pipe nobody writes to is let go.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const int ChunkBytes = 256 * 1024;
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(50);

    public static async Task<PooledBytes> ReadAsync(SafeFileHandle handle, ImageInput images, string field, CancellationToken cancellationToken)
    {
        int fd = checked((int)handle.DangerousGetHandle());
        if (!Posix.IsOpenForReading(fd))
        {
            throw Unreadable(field, 9 /* EBADF: not open for reading */);
        }

        long max = images.MaxBytes;
        long size = Posix.RemainingBytes(fd);
        if (size > max)
        {
            throw images.TooLarge(field, size);
        }

        var bytes = new PooledBytes((int)(size > 0 ? size : ChunkBytes));
        try
        {
            long start = Stopwatch.GetTimestamp();
            var pause = TimeSpan.FromMilliseconds(1);

            // A file of known size is read to that size (it may not grow past the check); anything else to its end.
            while (size <= 0 || bytes.Length < size)
            {
                int events = Posix.PollInput(fd);
                if (events < 0 && Marshal.GetLastPInvokeError() == Posix.Eintr)
                {
                    continue;
                }

                if (events < 0 || (events & Posix.PollNval) != 0)
                {
                    throw Unreadable(field, events < 0 ? Marshal.GetLastPInvokeError() : 9 /* EBADF */);
                }

                if (events == 0)
                {
                    if (Stopwatch.GetElapsedTime(start) > Deadline)
                    {
                        throw new EngineException(ErrorKind.InvalidInput, $"the image did not arrive through '{field}' within {Deadline.TotalSeconds:0} s: pass a file, or a pipe whose writer closes it", field);
                    }

                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                    pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
                    continue;
                }

                pause = TimeSpan.FromMilliseconds(1);
                nint read = Posix.ReadInto(fd, bytes.Free(size > 0 ? 1 : ChunkBytes).Span);
                if (read < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno is Posix.Eintr or Posix.Eagain)
                    {
                        continue;
                    }

                    throw Unreadable(field, errno);
                }

                if (read == 0)
                {
                    break;
                }

                bytes.Advance((int)read);
                if (bytes.Length > max)
                {
                    throw images.TooLarge(field);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            if (bytes.Length == 0)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"nothing came through '{field}': pass an image file's descriptor", field);
            }

            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    private static EngineException Unreadable(string field, int errno) =>
        new(ErrorKind.InvalidInput, $"'{field}' cannot be read: {Marshal.GetPInvokeErrorMessage(errno)} (pass a descriptor open for reading)", field);
}
