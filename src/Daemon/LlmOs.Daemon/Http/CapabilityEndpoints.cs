using LlmOs.Daemon.Requests;
using LlmOs.Ipc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

/// <summary><c>GET /v1/capabilities</c>: each kind of work and whether it is ready, available, needs a model, or unavailable.</summary>
internal static class CapabilityEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/capabilities", (HttpContext context) =>
            Results.Json(context.RequestServices.GetRequiredService<CapabilityReporter>().Report(), IpcJsonContext.Default.CapabilitiesResponse).ExecuteAsync(context));
}
