using System.Net;

namespace LlmOs.Client.Transport;

/// <summary>
/// A request body read from a stream that is still being written (a microphone, stdin): no length, so it goes chunked, and
/// each read is sent and flushed at once rather than gathered, so llmosd hears the audio as it is recorded. The stream
/// belongs to the caller and is not disposed here.
/// </summary>
internal sealed class LiveStreamContent(Stream source) : HttpContent
{
    /// <summary>100 ms of 16 kHz 16-bit mono: small enough that llmosd hears the end of an utterance soon after it is spoken.</summary>
    private const int ChunkBytes = 3200;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
