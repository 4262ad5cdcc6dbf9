using LlmOs.Ipc.OpenAi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary><c>POST /v1/completions</c>, OpenAI's legacy text completion: the prompt as given, no template; errors in OpenAI's shape.</summary>
internal static class CompletionEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/completions", (HttpContext context) => OpenAiErrors.GuardAsync(context, HandleAsync));

    private static async Task HandleAsync(HttpContext context)
    {
        var request = await JsonBody.ReadAsync(context, OpenAiJsonContext.Default.CompletionRequest).ConfigureAwait(false);
        var (prompt, generation) = context.RequestServices.GetRequiredService<OpenAiRequestValidator>().Validate(request);
        await OpenAiTaskRunner.RunAsync(context, OpenAiFlavor.Completion, generation.Model, prompt, generation).ConfigureAwait(false);
    }
}
