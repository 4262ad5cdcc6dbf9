using System.Globalization;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Errors;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http;

/// <summary>Turns engine refusals into DESIGN.md's error vocabulary and the fitting HTTP status.</summary>
internal static class HttpErrors
{
    /// <summary>Each kind's HTTP status; its code comes from <see cref="ErrorCodeMap"/>, shared with D-Bus.</summary>
    private static (string Code, int Status) Map(ErrorKind kind) => (ErrorCodeMap.Code(kind), kind switch
    {
        ErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorKind.ModelInvalid => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.ModelNotFound => StatusCodes.Status404NotFound,
        ErrorKind.NeedsModel => StatusCodes.Status409Conflict,
        ErrorKind.Busy => StatusCodes.Status429TooManyRequests,
        ErrorKind.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Cancelled => StatusCodes.Status409Conflict,
        ErrorKind.Unsupported => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    });

    public static string Code(ErrorKind kind) => ErrorCodeMap.Code(kind);

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
