using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc;
using LlmOs.Ipc.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

/// <summary><c>GET /v1/health</c> and <c>GET /v1/status</c>.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/health", (HttpContext context) =>
        {
            var info = context.RequestServices.GetRequiredService<DaemonInfo>();
            return Results.Json(new HealthResponse("ok", info.Version, info.Uptime.TotalSeconds), IpcJsonContext.Default.HealthResponse).ExecuteAsync(context);
        });

        app.MapGet("/v1/status", (HttpContext context) =>
        {
            var services = context.RequestServices;
            var info = services.GetRequiredService<DaemonInfo>();
            var settings = services.GetRequiredService<DaemonSettings>();
            var scheduler = services.GetRequiredService<Scheduler>();
            var models = services.GetRequiredService<ModelRegistry>().List().Select(m => DtoMapper.ToDto(m, scheduler.StateOf(m))).ToList();
            var status = new StatusResponse(
                info.Version,
                settings.Mode == DaemonMode.System ? "system" : "user",
                settings.Socket,
                info.Uptime.TotalSeconds,
                models,
                scheduler.QueueDepth,
                scheduler.RunningCount,
                DtoMapper.ToDto(scheduler.UsageFor(PeerCredentials.Caller(context))));
            return Results.Json(status, IpcJsonContext.Default.StatusResponse).ExecuteAsync(context);
        });
    }
}
