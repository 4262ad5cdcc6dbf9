using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// The one way a task request enters the engine, whichever transport brought it (the socket's <c>POST /v1/tasks</c>,
/// D-Bus <c>Submit</c>): validates it for its kind and queues it on behalf of <c>callerUid</c>.
/// </summary>
internal sealed class TaskSubmitter(TaskRequestValidator validator, Scheduler scheduler, IntentRegistry intents)
{
    public const string GenerateKind = "generate";
    public const string EmbedKind = "embed";
    public const string IntentKind = "intent";

    /// <summary>Queues the task; an invalid request throws <see cref="Engine.Errors.EngineException"/> and queues nothing.</summary>
    public TaskRecord Submit(TaskSubmitRequest request, uint callerUid)
    {
        if (request.Kind == EmbedKind)
        {
            var (texts, model) = validator.ValidateEmbed(request);
            var priority = TaskRequestValidator.Priority(request.Options?.Priority, "options.priority");
            return scheduler.SubmitEmbed(callerUid, texts, model, priority);
        }

        if (request.Kind == IntentKind)
        {
            var invocation = validator.ValidateIntent(request, callerUid);
            return scheduler.SubmitIntent(invocation, intents, TaskRequestValidator.Priority(request.Options?.Priority, "options.priority"));
        }

        return scheduler.SubmitGenerate(validator.Validate(request, callerUid));
    }
}
