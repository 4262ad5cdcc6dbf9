using LlmOs.Daemon.Hosting;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http;

/// <summary>
/// The one place a handler's exception becomes a response: engine refusals get their code, a client
/// that went away gets nothing, and anything unexpected is logged and answered <c>internal</c>,
/// so no request can take the daemon down.
/// </summary>
internal static class ErrorHandling
{
    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LlmOs.Daemon.Http");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (EngineException e)
            {
                DaemonLog.Refused(logger, HttpErrors.Code(e.Kind), e.Message);
                await HttpErrors.WriteAsync(context, e).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away; there is nobody to answer.
            }
            catch (BadHttpRequestException e)
            {
                await HttpErrors.WriteAsync(context, e.StatusCode, e.StatusCode == 413 ? ErrorCodes.TooLarge : ErrorCodes.InvalidInput, e.Message).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                DaemonLog.HandlerFailed(logger, e, context.Request.Path);
                await HttpErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "the daemon failed to handle this request").ConfigureAwait(false);
            }
        });
    }

    public static void MapFallback(WebApplication app) =>
        app.MapFallback((HttpContext context) => HttpErrors.NotFoundAsync(context, $"no endpoint {context.Request.Method} {context.Request.Path}"));
}
