using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LlmOs.Engine.Errors;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// Errors of the OpenAI-compatible endpoints in OpenAI's shape, <c>{"error":{"message","type","param","code"}}</c>,
/// with our stable code as <c>code</c> and the same HTTP status as the native API. Written with a Utf8JsonWriter
/// rather than a DTO: four fixed fields, and no wire type for the lead to reconcile with the chat endpoints' helper.
/// </summary>
internal static class OpenAiErrors
{
    public static Task WriteAsync(HttpContext context, EngineException e) =>
        WriteAsync(context, HttpErrors.Status(e.Kind), HttpErrors.Code(e.Kind), e.Message, Param(e.Field), e.RetryAfter);

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string? param = null, TimeSpan? retryAfter = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (retryAfter is { } after)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", status switch
            {
                StatusCodes.Status429TooManyRequests => "rate_limit_error",
                >= 500 => "server_error",
                _ => "invalid_request_error",
            });
            json.WriteString("param", param);
            json.WriteString("code", code);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Our field names as OpenAI's request fields: <c>options.model</c> is <c>model</c>; the whole body is no field.</summary>
    private static string? Param(string? field) => field switch
    {
        null or "body" => null,
        "options.model" => "model",
        _ when field.StartsWith("input", StringComparison.Ordinal) => "input",
        _ => field,
    };
}
