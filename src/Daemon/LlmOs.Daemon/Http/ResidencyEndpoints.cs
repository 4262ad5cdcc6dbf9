using LlmOs.Daemon.Requests;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc;
using LlmOs.Ipc.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

/// <summary>
/// <c>GET /v1/ps</c> (what is loaded, the memory budget, the GPUs), <c>POST /v1/models/{name}/load</c> and
/// <c>POST /v1/models/{name}/unload</c>.
/// </summary>
internal static class ResidencyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/ps", (HttpContext context) =>
        {
            var ps = context.RequestServices.GetRequiredService<StatusReporter>().Resident();
            return Results.Json(ps, IpcJsonContext.Default.PsResponse).ExecuteAsync(context);
        });

        app.MapPost("/v1/models/{name}/load", async (HttpContext context, string name) =>
        {
            var request = context.Request.ContentLength is null or 0
                ? new LoadModelRequest()
                : await JsonBody.ReadAsync(context, IpcJsonContext.Default.LoadModelRequest).ConfigureAwait(false);
            var keepAlive = KeepAliveValue.Parse(request.KeepAlive, "keep_alive");
            var scheduler = context.RequestServices.GetRequiredService<Scheduler>();
            var model = await scheduler.LoadModelAsync(name, keepAlive, context.RequestAborted).ConfigureAwait(false);
            await Results.Json(DtoMapper.ToDto(model), IpcJsonContext.Default.ResidentModelDto).ExecuteAsync(context).ConfigureAwait(false);
        });

        app.MapPost("/v1/models/{name}/unload", async (HttpContext context, string name) =>
        {
            var scheduler = context.RequestServices.GetRequiredService<Scheduler>();
            bool unloaded = await scheduler.UnloadModelAsync(name, context.RequestAborted).ConfigureAwait(false);
            await Results.Json(new UnloadModelResponse(name, unloaded), IpcJsonContext.Default.UnloadModelResponse).ExecuteAsync(context).ConfigureAwait(false);
        });
    }
}
