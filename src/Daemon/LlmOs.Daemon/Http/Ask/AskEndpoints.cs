using LlmOs.Daemon.Assistant;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http.Vision;
using LlmOs.Daemon.Requests;
using LlmOs.Ipc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.Ask;

/// <summary>
/// The intent engine on the socket: <c>POST /v1/ask</c> (understand and act, about an image too when the body has one in
/// base64; answers when done, the connection being the task's lifeline), <c>POST /v1/intents/test</c> (understand only) and <c>GET /v1/intents/catalog</c> (the intents the
/// caller's utterances can reach). An ask is an ordinary task of kind <c>ask</c>, submitted through
/// <see cref="TaskSubmitter"/>: <c>GET /v1/tasks</c> lists it, and streaming its events is <c>POST /v1/tasks</c> with
/// <c>"stream":true</c> (this shortcut has no stream: its answer is one small record).
/// </summary>
internal static class AskEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ask", AskAsync);
        app.MapPost("/v1/intents/test", TestAsync);
        app.MapGet("/v1/intents/catalog", CatalogAsync);
    }

    private static async Task AskAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var settings = services.GetRequiredService<DaemonSettings>();
        var body = await JsonBody.ReadAsync(context, IpcJsonContext.Default.AskRequestDto, ImageBodies.JsonLimit(settings)).ConfigureAwait(false);
        ImageBodies.CheckWithoutImage(context, body.Image is not null, settings);
        uint caller = PeerCredentials.Caller(context);

        // The connection is the ask's lifeline: the client hanging up (or the daemon stopping) cancels it.
        var answer = await services.GetRequiredService<AskCalls>().AskAsync(body, image: null, caller, attach: null, context.RequestAborted).ConfigureAwait(false);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AskEndpoints).FullName!);
        AskLog.Answered(logger, caller, answer.Intent, answer.Handler, answer.Confidence);
        await Results.Json(AskMapper.ToDto(answer, body.Explain), IpcJsonContext.Default.AskResultDto).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task TestAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var body = await JsonBody.ReadAsync(context, IpcJsonContext.Default.AskRequestDto).ConfigureAwait(false);
        var understood = await services.GetRequiredService<AskCalls>().TestAsync(body, image: null, PeerCredentials.Caller(context), context.RequestAborted).ConfigureAwait(false);
        await Results.Json(AskMapper.ToDto(understood), IpcJsonContext.Default.IntentTestResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static Task CatalogAsync(HttpContext context)
    {
        var catalog = context.RequestServices.GetRequiredService<AskCalls>()
            .Catalog(context.Request.Query["language"].FirstOrDefault(), PeerCredentials.Caller(context), "language");
        return Results.Json(catalog, IpcJsonContext.Default.IntentCatalogResponse).ExecuteAsync(context);
    }
}
