using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LlmOs.Daemon.Http.Speech;

/// <summary>
/// Request bodies that are audio (<c>/v1/voice</c>, <c>/v1/transcribe</c>): a body of known length is read whole into a
/// pooled buffer and decoded; a chunked body (a recording in progress) is decoded as it arrives and fed to the voice
/// task (<see cref="Pump"/>). Either way a Content-Length over <c>MaxAudioBytes</c> is refused before anything is
/// read, and a body without one is cut off where it passes the limit.
/// </summary>
internal static class AudioBodies
{
    public const string BodyField = "body";

    private const int ChunkBytes = 64 * 1024;

    /// <summary>Whether the body arrives as it is recorded: chunked, its length unknown.</summary>
    public static bool IsStreamed(HttpContext context) => context.Request.ContentLength is null;

    /// <summary>Refuses a declared length over the limit and lowers Kestrel's own limit to it.</summary>
    public static void Limit(HttpContext context, AudioInput audio)
    {
        if (context.Request.ContentLength is { } length && length > audio.MaxBytes)
        {
            throw audio.TooLarge(BodyField, length);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = audio.MaxBytes;
        }
    }

    /// <summary>The whole body decoded (<paramref name="raw"/>: raw PCM of that format).</summary>
    public static async Task<AudioClip> ReadClipAsync(HttpContext context, AudioInput audio, RawAudioFormat? raw)
    {
        using var bytes = await ReadRawAsync(context, audio).ConfigureAwait(false);
        return audio.FromBytes(bytes.Span, BodyField, raw);
    }

    /// <summary>Feeds the body to a voice task as it arrives.</summary>
    public static AudioPump Pump(HttpContext context, AudioInput audio, RawAudioFormat? raw) =>
        (feed, cancellationToken) => AudioFeedPump.RunAsync(
            (buffer, token) => context.Request.Body.ReadAsync(buffer, token), audio, raw, feed, BodyField, cancellationToken);

    /// <summary>Reads the body into a pooled buffer (the caller disposes it), under <c>MaxAudioBytes</c>.</summary>
    public static async Task<PooledBytes> ReadRawAsync(HttpContext context, AudioInput audio)
    {
        Limit(context, audio);
        long max = audio.MaxBytes;
        long? length = context.Request.ContentLength;
        var bytes = new PooledBytes((int)(length ?? ChunkBytes));
        try
        {
            var body = context.Request.Body;
            while (length is null || bytes.Length < length)
            {
                int read = await body.ReadAsync(bytes.Free(length is null ? ChunkBytes : 1), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                bytes.Advance(read);
                if (bytes.Length > max)
                {
                    throw audio.TooLarge(BodyField);
                }
            }

            // To its very end: only then does Kestrel watch the connection, so that a client that hangs up is noticed.
            await body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                throw new EngineException(ErrorKind.InvalidInput, "the body is empty: send the audio file's bytes", BodyField);
            }

            return bytes;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            bytes.Dispose();
            throw audio.TooLarge(BodyField);
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }
}
