using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http;

/// <summary>Turns engine refusals into DESIGN.md's error vocabulary and the fitting HTTP status.</summary>
internal static class HttpErrors
{
    public static string Code(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput or ErrorKind.ModelInvalid => ErrorCodes.InvalidInput,
        ErrorKind.UnsupportedMedia => ErrorCodes.UnsupportedMedia,
        ErrorKind.TooLarge => ErrorCodes.TooLarge,
        ErrorKind.ModelNotFound => ErrorCodes.ModelNotFound,
        ErrorKind.NeedsModel => ErrorCodes.NeedsModel,
        ErrorKind.Busy => ErrorCodes.Busy,
        ErrorKind.QuotaExceeded => ErrorCodes.QuotaExceeded,
        ErrorKind.Forbidden => ErrorCodes.Forbidden,
        ErrorKind.Cancelled => ErrorCodes.Cancelled,
        ErrorKind.Unsupported => ErrorCodes.Unsupported,
        _ => ErrorCodes.Internal,
    };

    private static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput or ErrorKind.Unsupported => StatusCodes.Status400BadRequest,
        ErrorKind.ModelInvalid => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.ModelNotFound => StatusCodes.Status404NotFound,
        ErrorKind.NeedsModel => StatusCodes.Status409Conflict,
        ErrorKind.Busy or ErrorKind.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Cancelled => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static Task WriteAsync(HttpContext context, EngineException e) =>
        WriteAsync(context, Status(e.Kind), Code(e.Kind), e.Message, e.Field, e.RetryAfter);

    public static Task NotFoundAsync(HttpContext context, string what) =>
        WriteAsync(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, what);

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string? field = null, TimeSpan? retryAfter = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        if (retryAfter is { } after)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var body = new ErrorResponse(new ErrorBody(code, message, field, retryAfter?.TotalSeconds));
        await Results.Json(body, IpcJsonContext.Default.ErrorResponse, statusCode: status).ExecuteAsync(context).ConfigureAwait(false);
    }
}
