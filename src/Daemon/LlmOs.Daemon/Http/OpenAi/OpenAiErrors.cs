using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Errors;
using LlmOs.Ipc.OpenAi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// Refusals on the OpenAI-compatible endpoints in OpenAI's shape, <c>{"error":{"message","type","param","code"}}</c>: the HTTP
/// status and our stable <c>code</c> are the native API's (<see cref="HttpErrors"/>), <c>type</c> is OpenAI's class of error,
/// <c>param</c> the request field at fault.
/// </summary>
internal static class OpenAiErrors
{
    /// <summary>OpenAI's class of error for an HTTP status and our code.</summary>
    public static string Type(int status, string code) => code switch
    {
        ErrorCodes.QuotaExceeded => OpenAiErrorTypes.InsufficientQuota,
        ErrorCodes.Cancelled => OpenAiErrorTypes.Cancelled,
        _ => status switch
        {
            StatusCodes.Status429TooManyRequests => OpenAiErrorTypes.RateLimit,
            StatusCodes.Status403Forbidden => OpenAiErrorTypes.Permission,
            >= 500 => OpenAiErrorTypes.Server,
            _ => OpenAiErrorTypes.InvalidRequest,
        },
    };

    public static OpenAiErrorResponse Body(ErrorKind kind, string message, string? param = null) =>
        new(new OpenAiError(message, Type(HttpErrors.Status(kind), HttpErrors.Code(kind)), param, HttpErrors.Code(kind)));

    /// <summary>
    /// Runs an endpoint so that every way it can fail is answered in OpenAI's shape (the daemon-wide handler would answer
    /// in the native one): refusals with their status, a client that left with nothing, anything unexpected logged and 500.
    /// </summary>
    public static async Task GuardAsync(HttpContext context, Func<HttpContext, Task> endpoint)
    {
        try
        {
            await endpoint(context).ConfigureAwait(false);
        }
        catch (EngineException e)
        {
            OpenAiLog.Refused(Logger(context), context.Request.Path, HttpErrors.Code(e.Kind), e.Message);
            await WriteAsync(context, e).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException e)
        {
            var kind = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorKind.TooLarge : ErrorKind.InvalidInput;
            await WriteAsync(context, kind, e.Message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            OpenAiLog.HandlerFailed(Logger(context), e, context.Request.Path);
            await WriteAsync(context, ErrorKind.Internal, "the daemon failed to handle this request").ConfigureAwait(false);
        }
    }

    public static Task WriteAsync(HttpContext context, EngineException e) =>
        WriteAsync(context, e.Kind, e.Message, Param(e.Field), e.RetryAfter);

    /// <summary>A task's failure as an error answer, with the task's own reason.</summary>
    public static Task WriteAsync(HttpContext context, TaskError error) => WriteAsync(context, error.Kind, error.Message);

    public static Task WriteAsync(HttpContext context, ErrorKind kind, string message, string? param = null, TimeSpan? retryAfter = null) =>
        WriteAsync(context, HttpErrors.Status(kind), HttpErrors.Code(kind), message, param, retryAfter);

    /// <summary>Answers with an error, unless the response has already begun (a stream reports its errors as events).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string? param = null, TimeSpan? retryAfter = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        if (retryAfter is { } after)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var body = new OpenAiErrorResponse(new OpenAiError(message, Type(status, code), param, code));
        await Results.Json(body, OpenAiJsonContext.Default.OpenAiErrorResponse, statusCode: status).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Our field names as OpenAI's request fields: the engine names them as the native API has them (<c>options.model</c> is
    /// <c>model</c>, <c>input.texts</c> is <c>input</c>); the whole body is no field.
    /// </summary>
    public static string? Param(string? field) => field switch
    {
        null or "body" => null,
        _ when field.StartsWith("options.", StringComparison.Ordinal) => field["options.".Length..],
        _ when field.StartsWith("input", StringComparison.Ordinal) => "input",
        _ => field,
    };

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LlmOs.Daemon.Http.OpenAi");
}
