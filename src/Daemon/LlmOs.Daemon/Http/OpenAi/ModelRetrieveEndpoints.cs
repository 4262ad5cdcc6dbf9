using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary><c>GET /v1/models/{id}</c>, OpenAI's "retrieve model": one entry of <c>GET /v1/models</c>, or a 404 in OpenAI's shape.</summary>
internal static class ModelRetrieveEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/models/{id}", (HttpContext context, string id) => OpenAiErrors.GuardAsync(context, c =>
        {
            var registry = c.RequestServices.GetRequiredService<ModelRegistry>();
            var model = registry.List().FirstOrDefault(m => string.Equals(m.Name, id, StringComparison.Ordinal))
                ?? throw new EngineException(ErrorKind.ModelNotFound, $"no model '{id}'", "model");
            var state = c.RequestServices.GetRequiredService<Scheduler>().StateOf(model.Name);
            return Results.Json(DtoMapper.ToDto(model, state), IpcJsonContext.Default.ModelDto).ExecuteAsync(c);
        }));
}
