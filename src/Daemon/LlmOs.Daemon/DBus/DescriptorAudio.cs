using System.Diagnostics;
using System.Runtime.InteropServices;
using LlmOs.Daemon.Hosting;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using Microsoft.Win32.SafeHandles;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Reads audio from a descriptor a D-Bus caller passed (<c>TranscribeFd</c>, <c>VoiceFd</c>): a file, or a pipe its
/// writer fills while the user speaks. As <see cref="DescriptorReader"/> does, the descriptor is polled before each read
/// so that no thread waits on a caller's pipe; a pipe that stays silent for <see cref="Silence"/> is let go.
/// </summary>
internal sealed class DescriptorAudio(SafeFileHandle handle, string field)
{
    /// <summary>How long a pipe may go without a byte: a recording sends many a second.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(20);

    private readonly int _fd = checked((int)handle.DangerousGetHandle());

    /// <summary>Refuses a descriptor not open for reading, and a file known to be over the limit.</summary>
    public void Check(AudioInput audio)
    {
        if (!Posix.IsOpenForReading(_fd))
        {
            throw Unreadable(9 /* EBADF */);
        }

        long size = Posix.RemainingBytes(_fd);
        if (size > audio.MaxBytes)
        {
            throw audio.TooLarge(field, size);
        }
    }

    /// <summary>The next bytes that arrive, as many as there are up to the buffer's length; 0 at the end.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int events = Posix.PollInput(_fd);
            if (events < 0 && Marshal.GetLastPInvokeError() == Posix.Eintr)
            {
                continue;
            }

            if (events < 0 || (events & Posix.PollNval) != 0)
            {
                throw Unreadable(events < 0 ? Marshal.GetLastPInvokeError() : 9);
            }

            if (events == 0)
            {
                if (Stopwatch.GetElapsedTime(start) > Silence)
                {
                    throw new EngineException(ErrorKind.InvalidInput, $"nothing came through '{field}' for {Silence.TotalSeconds:0} s: close the pipe when the recording ends", field);
                }

                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
                continue;
            }

            nint read = Posix.ReadInto(_fd, buffer.Span);
            if (read >= 0)
            {
                return (int)read;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (Posix.Eintr or Posix.Eagain))
            {
                throw Unreadable(errno);
            }
        }
    }

    /// <summary>The whole file or pipe, under <c>MaxAudioBytes</c>, into a pooled buffer the caller disposes.</summary>
    public async Task<PooledBytes> ReadAllAsync(AudioInput audio, CancellationToken cancellationToken)
    {
        Check(audio);
        var bytes = new PooledBytes(256 * 1024);
        try
        {
            int read;
            while ((read = await ReadAsync(bytes.Free(64 * 1024), cancellationToken).ConfigureAwait(false)) > 0)
            {
                bytes.Advance(read);
                if (bytes.Length > audio.MaxBytes)
                {
                    throw audio.TooLarge(field);
                }
            }

            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    private EngineException Unreadable(int errno) =>
        new(ErrorKind.InvalidInput, $"'{field}' cannot be read: {Marshal.GetPInvokeErrorMessage(errno)} (pass a descriptor open for reading)", field);
}
