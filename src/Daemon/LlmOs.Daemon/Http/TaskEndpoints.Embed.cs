using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

internal static partial class TaskEndpoints
{
    private const string EmbedKind = "embed";

    /// <summary>Validates and queues an <c>embed</c> task; it is then waited on, streamed or polled like any other.</summary>
    private static TaskRecord SubmitEmbed(HttpContext context, TaskSubmitRequest request)
    {
        var services = context.RequestServices;
        var (texts, model) = services.GetRequiredService<TaskRequestValidator>().ValidateEmbed(request);
        var priority = TaskRequestValidator.Priority(request.Options?.Priority, "options.priority");
        return services.GetRequiredService<Scheduler>().SubmitEmbed(Caller(context), texts, model, priority);
    }
}
