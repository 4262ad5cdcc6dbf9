using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Skills.Vision;

/// <summary>What the image skills share: waiting for the task they queued for the caller, and the plain replies when it cannot run.</summary>
internal static class ImageTasks
{
    /// <summary>
    /// Waits for <paramref name="task"/> to end; cancelling <paramref name="cancellationToken"/> cancels the task and throws
    /// <see cref="OperationCanceledException"/>. True when it completed.
    /// </summary>
    public static async Task<bool> CompletedAsync(Scheduler scheduler, TaskRecord task, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(() => scheduler.Cancel(task)))
        {
            await task.Finished.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return task.State == TaskState.Completed;
    }

    /// <summary>
    /// The reply for a refused or failed image task: no model or no backend is said plainly, anything else as the failure.
    /// A busy daemon or a spent quota is not a reply: the ask fails with it, as the language-model skills' asks do.
    /// </summary>
    public static IntentReply? ReplyFor(EngineException error, SkillRequest request, string unsupportedKey)
    {
        var language = request.Language;
        return error.Kind switch
        {
            ErrorKind.Busy or ErrorKind.QuotaExceeded => null,
            ErrorKind.NeedsModel => new IntentReply(language.Respond("image.no_classifier")),
            ErrorKind.Unsupported => new IntentReply(language.Respond(unsupportedKey)),
            _ => new IntentReply(language.Respond("image.failed", ("error", error.Message))),
        };
    }

    /// <summary>The reply for a task that ended without completing (failed, or cancelled by someone else).</summary>
    public static IntentReply Unfinished(TaskRecord task, SkillRequest request) =>
        task.Error is { Kind: ErrorKind.NeedsModel }
            ? new IntentReply(request.Language.Respond("image.no_classifier"))
            : new IntentReply(request.Language.Respond("image.failed", ("error", task.Error?.Message ?? task.State.ToString().ToLowerInvariant())));
}
