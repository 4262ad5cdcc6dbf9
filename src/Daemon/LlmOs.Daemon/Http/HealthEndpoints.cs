using LlmOs.Daemon.Requests;
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
            var status = context.RequestServices.GetRequiredService<StatusReporter>().Status(PeerCredentials.Caller(context));
            return Results.Json(status, IpcJsonContext.Default.StatusResponse).ExecuteAsync(context);
        });
    }
}
