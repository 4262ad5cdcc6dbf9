using System.Threading.Channels;

namespace LlmOs.Engine.Speech;

/// <summary>
/// Audio that arrives while it is recorded, from the transport (a chunked request body, a file descriptor over
/// D-Bus) to the voice task, through a bounded channel of 16 kHz mono chunks: a slow recogniser holds the sender back
/// rather than letting audio pile up. The task ends the utterance itself when voice-activity detection hears its end
/// (<see cref="Ended"/>): the sender then stops reading.
/// </summary>
public sealed class AudioFeed : IDisposable
{
    private readonly Channel<float[]> _chunks = Channel.CreateBounded<float[]>(
        new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _ended = new();

    /// <summary>Cancelled when the listener needs no more audio (the utterance ended, or the task did).</summary>
    public CancellationToken Ended => _ended.Token;

    public ChannelReader<float[]> Reader => _chunks.Reader;

    /// <summary>Sends the next chunk; waits while the channel is full.</summary>
    public ValueTask WriteAsync(float[] chunk, CancellationToken cancellationToken) => _chunks.Writer.WriteAsync(chunk, cancellationToken);

    /// <summary>The sender's end of the audio (<paramref name="error"/>: it broke off; the task fails with it).</summary>
    public void Complete(Exception? error = null) => _chunks.Writer.TryComplete(error);

    /// <summary>The listener's end: it has heard the utterance out.</summary>
    public void End()
    {
        _ended.Cancel();
        _chunks.Writer.TryComplete();
    }

    public void Dispose() => _ended.Dispose();
}
