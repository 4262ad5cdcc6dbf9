using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http;

/// <summary>Turns engine refusals into DESIGN.md's error vocabulary and the fitting HTTP status.</summary>
internal static class HttpErrors
{
    /// <summary>One table: each kind's wire code and HTTP status, side by side.</summary>
    private static (string Code, int Status) Map(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => (ErrorCodes.InvalidInput, StatusCodes.Status400BadRequest),
        ErrorKind.ModelInvalid => (ErrorCodes.InvalidInput, StatusCodes.Status422UnprocessableEntity),
        ErrorKind.UnsupportedMedia => (ErrorCodes.UnsupportedMedia, StatusCodes.Status415UnsupportedMediaType),
        ErrorKind.TooLarge => (ErrorCodes.TooLarge, StatusCodes.Status413PayloadTooLarge),
        ErrorKind.ModelNotFound => (ErrorCodes.ModelNotFound, StatusCodes.Status404NotFound),
        ErrorKind.NeedsModel => (ErrorCodes.NeedsModel, StatusCodes.Status409Conflict),
        ErrorKind.Busy => (ErrorCodes.Busy, StatusCodes.Status429TooManyRequests),
        ErrorKind.QuotaExceeded => (ErrorCodes.QuotaExceeded, StatusCodes.Status429TooManyRequests),
        ErrorKind.Forbidden => (ErrorCodes.Forbidden, StatusCodes.Status403Forbidden),
        ErrorKind.Cancelled => (ErrorCodes.Cancelled, StatusCodes.Status409Conflict),
        ErrorKind.Unsupported => (ErrorCodes.Unsupported, StatusCodes.Status400BadRequest),
        _ => (ErrorCodes.Internal, StatusCodes.Status500InternalServerError),
    };

    public static string Code(ErrorKind kind) => Map(kind).Code;

    public static int Status(ErrorKind kind) => Map(kind).Status;

    public static Task WriteAsync(HttpContext context, EngineException e) =>
        WriteAsync(context, Map(e.Kind).Status, Map(e.Kind).Code, e.Message, e.Field, e.RetryAfter);

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
