using LlmOs.Daemon.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

/// <summary>
/// <c>GET /metrics</c>: the daemon's figures in the Prometheus text format. Anyone who can reach the socket may
/// read them: they hold counts and timings, no prompts, texts or task ids.
/// </summary>
internal static class MetricsEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            var text = await context.RequestServices.GetRequiredService<MetricsExporter>().ScrapeAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = MetricsExporter.ContentType;
            context.Response.ContentLength = text.Length;
            await context.Response.Body.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        });
}
