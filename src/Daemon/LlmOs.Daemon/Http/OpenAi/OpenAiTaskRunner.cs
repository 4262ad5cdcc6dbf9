using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.OpenAi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>Submits a validated OpenAI request as a generation task and answers it, streamed or whole.</summary>
internal static class OpenAiTaskRunner
{
    public static async Task RunAsync(HttpContext context, OpenAiFlavor flavor, string? model, string prompt, OpenAiGeneration generation)
    {
        var services = context.RequestServices;
        var scheduler = services.GetRequiredService<Scheduler>();

        uint caller = PeerCredentials.Caller(context);
        var task = scheduler.SubmitGenerate(new TaskSubmission(caller, prompt, model, generation.Options)
        {
            Priority = generation.Priority,
            KeepAlive = generation.KeepAlive,
        });
        OpenAiLog.Submitted(services.GetRequiredService<ILoggerFactory>().CreateLogger("LlmOs.Daemon.Http.OpenAi"), flavor.ToString(), task.Id, task.Model, generation.Stream);

        // The connection is the task's lifeline: however this request ends (the client hung up, a write failed,
        // the daemon stops), a task that has not finished by then is cancelled.
        try
        {
            var answer = new OpenAiAnswer(flavor, task);
            if (generation.Stream)
            {
                TaskEventStream.Start(context.Response);
                await new OpenAiChunkStream(answer, generation.IncludeUsage).WriteAsync(context.Response.BodyWriter, task, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                await task.Finished.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                await WriteFinishedAsync(context, answer, task).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!task.IsFinished)
            {
                scheduler.Cancel(task);
            }
        }
    }

    private static Task WriteFinishedAsync(HttpContext context, OpenAiAnswer answer, TaskRecord task)
    {
        if (task.State != TaskState.Completed || task.Result is not { } result)
        {
            return OpenAiErrors.WriteAsync(context, task.Error ?? new TaskError(ErrorKind.Internal, "the task ended without a result"));
        }

        return answer.Flavor == OpenAiFlavor.Chat
            ? Results.Json(answer.Chat(result), OpenAiJsonContext.Default.ChatCompletionResponse).ExecuteAsync(context)
            : Results.Json(answer.Completion(result), OpenAiJsonContext.Default.CompletionResponse).ExecuteAsync(context);
    }
}
