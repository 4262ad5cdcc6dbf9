using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.OpenAi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c>, OpenAI's chat API: the messages are rendered with the model's own chat template
/// (or the plain fallback) and generated as one task; answered whole or as OpenAI's chunk stream; errors in OpenAI's shape.
/// </summary>
internal static class ChatCompletionEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/v1/chat/completions", (HttpContext context) => OpenAiErrors.GuardAsync(context, HandleAsync));

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var request = await JsonBody.ReadAsync(context, OpenAiJsonContext.Default.ChatCompletionRequest).ConfigureAwait(false);
        var (turns, generation) = services.GetRequiredService<OpenAiRequestValidator>().Validate(request);
        var (model, prompt) = services.GetRequiredService<Scheduler>().RenderChat(generation.Model, turns);

        int limit = services.GetRequiredService<DaemonSettings>().MaxPromptChars;
        if (prompt.Length > limit)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the chat, laid out for the model, has {prompt.Length} characters; the limit is {limit}", "messages");
        }

        await OpenAiTaskRunner.RunAsync(context, OpenAiFlavor.Chat, model, prompt, generation).ConfigureAwait(false);
    }
}
