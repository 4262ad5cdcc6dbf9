using LlmOs.Daemon.Requests;
using LlmOs.Daemon.Security;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc;
using LlmOs.Ipc.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

/// <summary><c>GET /v1/models</c> (the registry, in OpenAI's list shape) and <c>POST /v1/models</c> (register a file).</summary>
internal static class ModelEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", (HttpContext context) =>
        {
            var registry = context.RequestServices.GetRequiredService<ModelRegistry>();
            var scheduler = context.RequestServices.GetRequiredService<Scheduler>();
            var list = new ModelListResponse([.. registry.List().Select(m => DtoMapper.ToDto(m, scheduler.StateOf(m)))]);
            return Results.Json(list, IpcJsonContext.Default.ModelListResponse).ExecuteAsync(context);
        });

        app.MapPost("/v1/models", async (HttpContext context) =>
        {
            // Adding a model makes the daemon open a file of the caller's choosing (and may change the default model).
            await context.RequestServices.GetRequiredService<Administrators>()
                .EnsureAsync(PeerCredentials.AdminCaller(context), "adding models", context.RequestAborted).ConfigureAwait(false);
            var request = await JsonBody.ReadAsync(context, IpcJsonContext.Default.AddModelRequest).ConfigureAwait(false);
            if (request.Path is null)
            {
                throw new EngineException(ErrorKind.InvalidInput, "'path' is required", "path");
            }

            var registry = context.RequestServices.GetRequiredService<ModelRegistry>();
            var scheduler = context.RequestServices.GetRequiredService<Scheduler>();
            var entry = registry.Add(request.Path, request.Name, request.Default, request.Labels);
            await Results.Json(DtoMapper.ToDto(entry, scheduler.StateOf(entry)), IpcJsonContext.Default.ModelDto, statusCode: StatusCodes.Status201Created)
                .ExecuteAsync(context).ConfigureAwait(false);
        });
    }
}
