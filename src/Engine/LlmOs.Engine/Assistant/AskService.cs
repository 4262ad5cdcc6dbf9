using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Assistant;

/// <summary>
/// The <c>ask</c> task: understands an utterance (<see cref="IntentUnderstanding"/>), then hands the intent to
/// its handler: an app that registered it, else the built-in skill of that name, else the chat skill.
/// The task starts at once (the LLM calls it makes queue as ordinary generations of the caller). A question with an
/// image is one of the image intents (<see cref="ImageQuestions"/>), answered by its built-in skill with the image.
/// Values a skill found while it ran (<see cref="IntentReply.Slots"/>) are added to the result's slots.
/// </summary>
public sealed class AskService(
    Scheduler scheduler,
    LanguageCatalog languages,
    IntentCatalogs catalogs,
    IntentUnderstanding understanding,
    SkillCatalog skills,
    IListSource lists,
    IntentRegistry registry,
    LanguageModelCalls languageModel,
    TimeProvider time)
{
    private readonly ImageQuestions _images = new(understanding);

    /// <summary>Starts an ask task; throws <see cref="Errors.EngineException"/> when the caller is over its limits.</summary>
    public TaskRecord Submit(AskRequest request) =>
        scheduler.StartNow(
            request.CallerUid,
            id => new TaskRecord(id, request, time) { Priority = request.Priority },
            async task => task.CompleteAsk(await AnswerAsync(request, task.CancellationToken).ConfigureAwait(false)));

    /// <summary>Only recognises: the intent, slots and each stage's candidates, with no handler run (<c>llmosctl intents test</c>).</summary>
    public Task<UnderstandingResult> UnderstandAsync(AskRequest request, CancellationToken cancellationToken) =>
        UnderstandAsync(request, ContextFor(request), cancellationToken);

    /// <summary>Understands and runs the request in the caller's context, without a task around it.</summary>
    public async Task<AskResult> AnswerAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var context = ContextFor(request);
        var understood = await UnderstandAsync(request, context, cancellationToken).ConfigureAwait(false);
        var best = understood.Best;
        var invocation = new IntentInvocation(best.Intent, best.Slots, request.Utterance, request.CallerUid);
        IntentReply reply;
        string handler;
        if (request.Image is null
            && context.Catalog.Find(best.Intent)?.Source == IntentSource.App
            && registry.Find(best.Intent, request.CallerUid) is ({ } registration, _))
        {
            // The registry, not the catalog's copy, names the handler: the app may have left since the catalog was built.
            reply = await scheduler.CallHandlerAsync(registration.Handler, invocation, cancellationToken).ConfigureAwait(false);
            handler = AskHandlers.App(registration.Handler.Address);
        }
        else
        {
            var skill = skills.Find(best.Intent) ?? skills.Find(IntentUnderstanding.ChatIntent)
                ?? throw new InvalidOperationException("no chat skill is installed");
            var skillRequest = new SkillRequest(invocation, context.Language, context.Slots, request.Language)
            {
                Image = request.Image,
                Priority = request.Priority,
            };
            reply = await skill.RunAsync(skillRequest, cancellationToken).ConfigureAwait(false);

            // A language-model skill with no model to run answers by itself ("no language model is installed").
            handler = skill.UsesLanguageModel && languageModel.DefaultModel is not null ? AskHandlers.LanguageModel : AskHandlers.Skill;
        }

        return new AskResult(best.Intent, WithFound(best.Slots, reply.Slots), best.Confidence, handler, reply.Text, reply.Action, context.Language.Code, understood.Stages);
    }

    /// <summary>The recognised slots with what the handler found added (a found value wins a name both have).</summary>
    private static IReadOnlyDictionary<string, object> WithFound(IReadOnlyDictionary<string, object> slots, IReadOnlyDictionary<string, object>? found)
    {
        if (found is not { Count: > 0 })
        {
            return slots;
        }

        var all = new Dictionary<string, object>(slots, StringComparer.Ordinal);
        foreach (var (name, value) in found)
        {
            all[name] = value;
        }

        return all;
    }

    private Task<UnderstandingResult> UnderstandAsync(AskRequest request, RecognitionContext context, CancellationToken cancellationToken) =>
        request.Image is null
            ? understanding.UnderstandAsync(context, cancellationToken)
            : _images.UnderstandAsync(context, cancellationToken);

    private RecognitionContext ContextFor(AskRequest request)
    {
        var language = languages.For(request.Language);
        var catalog = catalogs.For(request.CallerUid, language);
        var slots = new SlotContext(TimeZoneInfo.ConvertTime(time.GetUtcNow(), request.TimeZone), request.TimeZone, language, lists);
        return new RecognitionContext(language.Normalize(request.Utterance), language, catalog, slots, request.CallerUid);
    }
}
