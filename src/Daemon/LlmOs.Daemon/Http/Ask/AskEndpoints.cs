using LlmOs.Daemon.Assistant;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.Ask;

/// <summary>
/// The intent engine on the socket: <c>POST /v1/ask</c> (understand and act; answers when done, the connection being the
/// task's lifeline), <c>POST /v1/intents/test</c> (understand only) and <c>GET /v1/intents/catalog</c> (the intents the
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
        var body = await JsonBody.ReadAsync(context, IpcJsonContext.Default.AskRequestDto).ConfigureAwait(false);
        uint caller = PeerCredentials.Caller(context);
        var task = services.GetRequiredService<TaskSubmitter>().SubmitAsk(body, caller);
        try
        {
            await task.Finished.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsFinished)
            {
                services.GetRequiredService<Scheduler>().Cancel(task); // the client hung up (or the daemon stops)
            }
        }

        var answer = AnswerOf(task);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AskEndpoints).FullName!);
        AskLog.Answered(logger, caller, answer.Intent, answer.Handler, answer.Confidence);
        await Results.Json(AskMapper.ToDto(answer, body.Explain), IpcJsonContext.Default.AskResultDto).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The finished ask's answer; a failed or cancelled one throws its error, as the socket reports refusals.</summary>
    internal static AskResult AnswerOf(TaskRecord task) =>
        task.State == TaskState.Completed && task.Answer is { } answer
            ? answer
            : throw new EngineException(task.Error?.Kind ?? ErrorKind.Internal, task.Error?.Message ?? "the ask ended without an answer");

    private static async Task TestAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var body = await JsonBody.ReadAsync(context, IpcJsonContext.Default.AskRequestDto).ConfigureAwait(false);
        var request = services.GetRequiredService<TaskSubmitter>().ValidateAsk(body, PeerCredentials.Caller(context));
        var understood = await services.GetRequiredService<AskService>().UnderstandAsync(request, context.RequestAborted).ConfigureAwait(false);
        await Results.Json(AskMapper.ToDto(understood), IpcJsonContext.Default.IntentTestResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static Task CatalogAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var languages = services.GetRequiredService<LanguageCatalog>();
        string? language = TaskRequestValidator.CheckLanguage(context.Request.Query["language"].FirstOrDefault(), "language", languages);
        var pack = languages.For(language);
        var catalog = services.GetRequiredService<IntentCatalogs>().For(PeerCredentials.Caller(context), pack);
        var body = new IntentCatalogResponse(pack.Code, [.. catalog.Intents.Select(AskMapper.ToDto)]);
        return Results.Json(body, IpcJsonContext.Default.IntentCatalogResponse).ExecuteAsync(context);
    }
}
