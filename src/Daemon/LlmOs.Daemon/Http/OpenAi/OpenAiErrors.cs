using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.OpenAi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// Refusals on the OpenAI-compatible endpoints in OpenAI's error shape: the HTTP status and our stable <c>code</c> are the
/// native API's (<see cref="HttpErrors"/>), <c>type</c> is OpenAI's class of error, <c>param</c> the field at fault.
/// </summary>
internal static class OpenAiErrors
{
    public static string Type(ErrorKind kind) => kind switch
    {
        ErrorKind.Busy => OpenAiErrorTypes.RateLimit,
        ErrorKind.QuotaExceeded => OpenAiErrorTypes.InsufficientQuota,
        ErrorKind.Forbidden => OpenAiErrorTypes.Permission,
        ErrorKind.Cancelled => OpenAiErrorTypes.Cancelled,
        ErrorKind.Internal => OpenAiErrorTypes.Server,
        _ => OpenAiErrorTypes.InvalidRequest,
    };

    public static OpenAiErrorResponse Body(ErrorKind kind, string message, string? param = null) =>
        new(new OpenAiError(message, Type(kind), param, HttpErrors.Code(kind)));

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
            await WriteAsync(context, e.Kind, e.Message, Param(e.Field), e.RetryAfter).ConfigureAwait(false);
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

    /// <summary>Answers with an error, unless the response has already begun (a stream reports its errors as events).</summary>
    public static async Task WriteAsync(HttpContext context, ErrorKind kind, string message, string? param = null, TimeSpan? retryAfter = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        int status = HttpErrors.Status(kind);
        if (retryAfter is { } after)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await Results.Json(Body(kind, message, param), OpenAiJsonContext.Default.OpenAiErrorResponse, statusCode: status)
            .ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>A task's failure as an error answer, with the task's own reason.</summary>
    public static Task WriteAsync(HttpContext context, TaskError error) => WriteAsync(context, error.Kind, error.Message);

    /// <summary>The engine names fields as the native API has them ("options.model"); OpenAI's requests have them at the top.</summary>
    private static string? Param(string? field) => field is not null && field.StartsWith("options.", StringComparison.Ordinal) ? field["options.".Length..] : field;

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LlmOs.Daemon.Http.OpenAi");
}
