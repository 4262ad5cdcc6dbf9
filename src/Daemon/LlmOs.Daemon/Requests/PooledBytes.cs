using System.Buffers;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Bytes read into a buffer rented from the shared pool (an image file on its way to the decoder): grows by doubling up
/// to a limit, and goes back to the pool on dispose. Not thread-safe; one reader fills it.
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[] _buffer;

    public PooledBytes(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, capacity));

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Room for at least <paramref name="atLeast"/> more bytes (more when the pool gives it), after <see cref="Length"/>.</summary>
    public Memory<byte> Free(int atLeast)
    {
        if (_buffer.Length - Length < atLeast)
        {
            long wanted = Math.Max((long)_buffer.Length * 2, (long)Length + atLeast);
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(wanted, Array.MaxLength));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsMemory(Length);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written at the start of what <see cref="Free"/> gave.</summary>
    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
