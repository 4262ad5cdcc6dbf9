using LlmOs.Daemon.Hosting;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Vision;
using LlmOs.Ipc.Ask;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// An ask and an utterance test as both transports run them (<c>POST /v1/ask</c> and D-Bus <c>Ask</c>,
/// <c>POST /v1/intents/test</c> and D-Bus <c>TestUtterance</c>, <c>GET /v1/intents/catalog</c> and D-Bus
/// <c>GetIntentCatalog</c>): the same submission, wait, cancellation and limits.
/// </summary>
internal sealed class AskCalls(
    TaskSubmitter submitter, Scheduler scheduler, Deferred<AskService> asks, CallerLimits limits, Deferred<LanguageCatalog> languages, Deferred<IntentCatalogs> catalogs)
{
    /// <summary>
    /// Submits the ask (about <paramref name="image"/>, decoded by the transport, when it brought one apart from the body),
    /// hands the task to <paramref name="attach"/> (false: the caller has gone, cancel it) and waits for
    /// its answer; a wait that ends early (the caller hung up, the daemon stops) cancels the ask. A failed or cancelled ask
    /// throws its error.
    /// </summary>
    public async Task<AskResult> AskAsync(AskRequestDto body, RgbImage? image, uint caller, Func<TaskRecord, bool>? attach, CancellationToken cancellationToken)
    {
        var task = submitter.SubmitAsk(body, caller, image);
        if (attach is not null && !attach(task))
        {
            scheduler.Cancel(task);
        }

        try
        {
            await task.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsFinished)
            {
                scheduler.Cancel(task);
            }
        }

        return task.State == TaskState.Completed && task.Answer is { } answer
            ? answer
            : throw new EngineException(task.Error?.Kind ?? ErrorKind.Internal, task.Error?.Message ?? "the ask ended without an answer");
    }

    /// <summary>Recognises only, under the caller's bound of <see cref="CallerLimits.UtteranceTests"/> at a time.</summary>
    public async Task<UnderstandingResult> TestAsync(AskRequestDto body, RgbImage? image, uint caller, CancellationToken cancellationToken)
    {
        var request = submitter.ValidateAsk(body, caller, image);
        using var place = limits.UtteranceTests.Enter(caller);
        return await asks.Value.UnderstandAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The intents <paramref name="caller"/>'s words can reach in <paramref name="language"/> (null or empty: the default).</summary>
    public IntentCatalogResponse Catalog(string? language, uint caller, string field)
    {
        var pack = languages.Value.For(TaskRequestValidator.CheckLanguage(string.IsNullOrEmpty(language) ? null : language, field, languages.Value));
        var catalog = catalogs.Value.For(caller, pack);
        return new IntentCatalogResponse(pack.Code, [.. catalog.Intents.Select(AskMapper.ToDto)]);
    }
}
