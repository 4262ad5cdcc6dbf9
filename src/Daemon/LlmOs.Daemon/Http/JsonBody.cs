using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Engine.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LlmOs.Daemon.Http;

/// <summary>Reads a request body as JSON, turning every way it can be wrong into an <see cref="EngineException"/> that names the field.</summary>
internal static class JsonBody
{
    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. <paramref name="maxBytes"/> raises the body limit (<c>MaxRequestBytes</c>)
    /// for this request: the endpoints whose JSON may carry an image in base64 (<see cref="Vision.ImageBodies.JsonLimit"/>).
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, long? maxBytes = null)
        where T : class
    {
        if (maxBytes is { } limit && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false)
                ?? throw new EngineException(ErrorKind.InvalidInput, "the body must be a JSON object, not null", "body");

            // Read the body to its end: only then does Kestrel watch the connection, so that a client
            // that hangs up during a long answer (a stream, a wait) is noticed and its task cancelled.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            return value;
        }
        catch (JsonException e)
        {
            string field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            string why = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field"
                : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "wrong type"
                : context.Request.ContentLength == 0 ? "the body is empty" : "malformed JSON";
            throw new EngineException(ErrorKind.InvalidInput, $"{why} at '{field}'", field);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new EngineException(ErrorKind.TooLarge, "the request body is larger than the daemon accepts");
        }
    }
}
