using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc;
using LlmOs.Ipc.Intents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>
/// Apps as intent handlers over the socket, without webhooks: <c>POST /v1/intents</c> registers and keeps an event
/// stream open that carries the requests (<c>dispatch</c> events); <c>POST /v1/intents/dispatches/{id}</c> answers one;
/// <c>GET /v1/intents</c> lists the registrations the caller can reach. The registration lives as long as its stream.
/// </summary>
internal static class IntentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/intents", RegisterAsync);
        app.MapGet("/v1/intents", ListAsync);
        app.MapPost("/v1/intents/dispatches/{id}", AnswerAsync);
    }

    private static async Task RegisterAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var request = await JsonBody.ReadAsync(context, IpcJsonContext.Default.IntentRegistrationRequest).ConfigureAwait(false);
        var definitions = IntentDefinitionValidator.Validate(request.Intents, "intents");
        uint caller = PeerCredentials.Caller(context);
        var handlers = services.GetRequiredService<SocketIntentHandlers>();
        if (!handlers.TryOpen(caller))
        {
            throw new EngineException(ErrorKind.Busy, $"uid {caller} already keeps {SocketIntentHandlers.MaxStreamsPerUid} intent handler streams open; close one first", retryAfter: TimeSpan.FromSeconds(5));
        }

        var registry = services.GetRequiredService<IntentRegistry>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntentEndpoints).FullName!);
        var handler = new SseIntentHandler(SocketIntentHandlers.NewId(), caller, handlers, logger);
        var names = definitions.ConvertAll(d => d.Name);

        // The stream ends when the client hangs up or the daemon stops; either way the registration goes with it.
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            registry.Register(handler.Owner, caller, handler, definitions);
            IntentStreamLog.Registered(logger, handler.Address, caller, string.Join(", ", names));
            var registered = new IntentRegisteredEvent(handler.RegistrationId, names);
            TaskEventStream.Start(context.Response);
            await IntentEventStream.RunAsync(context.Response.BodyWriter, handler, registered, IntentEventStream.KeepAliveInterval, ended.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client went away or the daemon stops: the stream is over.
        }
        finally
        {
            registry.RemoveOwner(handler.Owner);
            handler.Close();
            handlers.Closed(caller);
        }
    }

    private static Task ListAsync(HttpContext context)
    {
        var registrations = context.RequestServices.GetRequiredService<IntentRegistry>().List(PeerCredentials.Caller(context));
        var body = new IntentListResponse(registrations.ConvertAll(IntentListing.ToDto));
        return Results.Json(body, IpcJsonContext.Default.IntentListResponse).ExecuteAsync(context);
    }

    private static async Task AnswerAsync(HttpContext context, string id)
    {
        var answer = await JsonBody.ReadAsync(context, IpcJsonContext.Default.IntentDispatchAnswer).ConfigureAwait(false);
        var (reply, refusal) = IntentAnswerValidator.Validate(answer);
        uint caller = PeerCredentials.Caller(context);
        var dispatch = context.RequestServices.GetRequiredService<SocketIntentHandlers>().Find(id, caller);
        if (dispatch is null || !dispatch.Handler.TryAnswer(dispatch, reply, refusal))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntentEndpoints).FullName!);
            IntentStreamLog.UnknownDispatch(logger, caller, id);
            await HttpErrors.NotFoundAsync(context, $"no request '{id}' waits for your answer (it was answered, cancelled or timed out, its stream closed, or it is another user's)").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
