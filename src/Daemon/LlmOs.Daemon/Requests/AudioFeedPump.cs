using System.Buffers;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Moves audio from a transport that delivers it as it is recorded into a voice task's <see cref="AudioFeed"/>: reads
/// what has arrived, decodes it at once (<see cref="IAudioStreamDecoder"/>) and sends the samples on, so that the
/// recogniser works while the user still speaks. <c>MaxAudioBytes</c> and <c>MaxAudioSeconds</c> hold for a stream as
/// for a file: the stream is cut off where it passes either. Stops reading as soon as the task has heard the utterance out.
/// </summary>
internal static class AudioFeedPump
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Reads up to the buffer's length; 0 at the end of the audio.</summary>
    public delegate ValueTask<int> ReadChunk(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>
    /// Pumps until the end of the audio (the feed completes), the listener's end (<see cref="AudioFeed.Ended"/>) or
    /// <paramref name="cancellationToken"/>. Never throws: a refusal or a broken transport ends the feed with an
    /// <see cref="EngineException"/> naming <paramref name="field"/>. Returns how many bytes were read.
    /// </summary>
    public static async Task<long> RunAsync(ReadChunk read, AudioInput audio, RawAudioFormat? raw, AudioFeed feed, string field, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, feed.Ended);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var samples = new ArrayBufferWriter<float>(ChunkBytes);
        long bytes = 0;
        long heard = 0;
        long maxSamples = (long)(audio.Limits.MaxDuration.TotalSeconds * AudioClip.SampleRate);
        try
        {
            var decoder = audio.OpenStream(raw);
            while (true)
            {
                int count = await read(buffer, stop.Token).ConfigureAwait(false);
                if (count == 0)
                {
                    if (bytes == 0)
                    {
                        throw new EngineException(ErrorKind.InvalidInput, $"'{field}' is empty: send audio", field);
                    }

                    decoder.Complete(samples);
                    await SendAsync(feed, samples, stop.Token).ConfigureAwait(false);
                    feed.Complete();
                    return bytes;
                }

                bytes += count;
                if (bytes > audio.MaxBytes)
                {
                    throw audio.TooLarge(field);
                }

                heard += decoder.Push(buffer.AsSpan(0, count), samples);
                if (heard > maxSamples)
                {
                    throw new EngineException(ErrorKind.TooLarge, $"the audio lasts longer than {audio.Limits.MaxDuration.TotalSeconds:0} s, the limit (MaxAudioSeconds)", field);
                }

                await SendAsync(feed, samples, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            feed.Complete(); // the listener has heard enough, or the call is over: nobody needs more
        }
        catch (EngineException e)
        {
            feed.Complete(AudioInput.Named(e, field));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A body cut short (a client that hung up, Kestrel's own limit), a descriptor that failed, a channel closed under us.
            bool tooLarge = e is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: 413 };
            feed.Complete(tooLarge ? audio.TooLarge(field) : new EngineException(ErrorKind.InvalidInput, $"the audio broke off after {bytes} bytes: {e.Message}", field));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return bytes;
    }

    private static async ValueTask SendAsync(AudioFeed feed, ArrayBufferWriter<float> samples, CancellationToken cancellationToken)
    {
        if (samples.WrittenCount > 0)
        {
            float[] chunk = samples.WrittenSpan.ToArray();
            samples.ResetWrittenCount();
            await feed.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
