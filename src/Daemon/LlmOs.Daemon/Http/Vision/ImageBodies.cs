using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LlmOs.Daemon.Http.Vision;

/// <summary>
/// Request bodies that carry images: a raw image file (<c>/v1/images/*</c>), read into a pooled buffer under
/// <c>MaxImageBytes</c>, and JSON bodies with a base64 image (<c>/v1/tasks</c>, <c>/v1/ask</c>), whose limit rises by
/// the base64 of <c>MaxImageBytes</c> while a body without an image keeps <c>MaxRequestBytes</c>.
/// </summary>
internal static class ImageBodies
{
    /// <summary>The raw body's name in refusals.</summary>
    public const string BodyField = "body";

    private const int ChunkBytes = 64 * 1024;

    /// <summary>How large a JSON body that may carry an image may be: <c>MaxRequestBytes</c> for the rest, and the image's base64.</summary>
    public static long JsonLimit(DaemonSettings settings) =>
        settings.MaxRequestBytes + ImageInput.Base64Length(Math.Max(settings.MaxImageBytes, settings.MaxAudioBytes)); // or an audio file's (tasks)

    /// <summary>A JSON body that turned out to carry no image is held to <c>MaxRequestBytes</c>, as every other body is.</summary>
    public static void CheckWithoutImage(HttpContext context, bool hasImage, DaemonSettings settings)
    {
        if (!hasImage && context.Request.ContentLength > settings.MaxRequestBytes)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the request body is larger than the daemon accepts ({settings.MaxRequestBytes} bytes without an image)");
        }
    }

    /// <summary>
    /// Reads the body, an image file's bytes, into a pooled buffer (the caller disposes it). A Content-Length over
    /// <c>MaxImageBytes</c> is refused before anything is read; a body without one is cut off where it passes the limit.
    /// </summary>
    public static async Task<PooledBytes> ReadRawAsync(HttpContext context, ImageInput images)
    {
        long max = images.MaxBytes;
        long? length = context.Request.ContentLength;
        if (length > max)
        {
            throw images.TooLarge(BodyField, length);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = max;
        }

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
                    throw images.TooLarge(BodyField);
                }
            }

            // To its very end: only then does Kestrel watch the connection, so that a client that hangs up is noticed.
            await body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                throw new EngineException(ErrorKind.InvalidInput, "the body is empty: send the image file's bytes", BodyField);
            }

            return bytes;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            bytes.Dispose();
            throw images.TooLarge(BodyField);
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }
}
