using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Skills.Vision;

/// <summary>
/// <c>image.describe</c>: classifies the ask's image with the default image classifier (a classify task of the caller, at
/// the ask's priority) and says what it shows (<see cref="ImageReplies"/>). When a text model is installed it is asked to
/// turn the labels into a fuller sentence; its answer is taken only when it names one of the labels, so a failing,
/// busy or rambling model leaves the classifier's own sentence. Slots added to the ask: <c>label</c> (the best label),
/// <c>probability</c> (its probability, 0 to 1), <c>labels</c> (the labels asked for, best first, one per line) and
/// <c>model</c> (the classifier).
/// </summary>
public sealed class ImageDescribeSkill(LanguageModelCalls languageModel) : ISkill
{
    /// <summary>Labels asked of the classifier: the best, its alternatives and context for the language model.</summary>
    public const int Top = 5;

    /// <summary>Labels the language model sees.</summary>
    public const int PromptLabels = 3;

    private static readonly GenerationOptions Options = new() { MaxTokens = 96, Temperature = 0.3f };

    public IReadOnlyList<string> Intents { get; } = ["image.describe"];

    public bool UsesLanguageModel => true;

    public async Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Image is not { } image)
        {
            return new IntentReply(language.Respond("image.attach"));
        }

        var scheduler = languageModel.Scheduler;
        TaskRecord task;
        try
        {
            task = scheduler.SubmitClassify(request.Invocation.CallerUid, image, model: null, Top, request.Priority);
        }
        catch (EngineException e) when (ImageTasks.ReplyFor(e, request, "image.no_vision") is { } reply)
        {
            return reply;
        }

        if (!await ImageTasks.CompletedAsync(scheduler, task, cancellationToken).ConfigureAwait(false))
        {
            return ImageTasks.Unfinished(task, request);
        }

        var labels = task.Labels ?? [];
        if (labels.Count == 0)
        {
            return new IntentReply(language.Respond("image.failed", ("error", $"model '{task.Model}' gave no labels")));
        }

        string text = await FullerAsync(request, labels, cancellationToken).ConfigureAwait(false) ?? ImageReplies.Describe(labels, language);
        return new IntentReply(text) { Slots = SlotsOf(labels, task.Model) };
    }

    /// <summary>The language model's sentence about the labels; null without a model, when it failed, or when it named none of them.</summary>
    private async Task<string?> FullerAsync(SkillRequest request, IReadOnlyList<LabelScore> labels, CancellationToken cancellationToken)
    {
        if (languageModel.DefaultModel is null)
        {
            return null;
        }

        var language = request.Language;
        var seen = labels.Take(PromptLabels).ToList();
        string question = request.Invocation.Utterance.Trim() is { Length: > 0 } asked ? asked : language.Respond("image.question");
        try
        {
            string answer = await languageModel.ChatAsync(
                request.Invocation.CallerUid,
                [new ChatTurn("system", language.Respond("prompt.image_describe", ("labels", ImageReplies.ForPrompt(seen)))), new ChatTurn("user", question)],
                Options,
                cancellationToken).ConfigureAwait(false);
            answer = answer.Trim();
            return Names(answer, seen) ? answer : null;
        }
        catch (EngineException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the classifier's sentence stands
        }
    }

    /// <summary>Whether <paramref name="answer"/> names one of the labels (a word of three letters or more of any of them).</summary>
    private static bool Names(string answer, List<LabelScore> labels) =>
        answer.Length > 0 && labels
            .SelectMany(l => l.Label.Split([' ', '-', ',', '\'', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
            .Any(word => word.Length >= 3 && answer.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, object> SlotsOf(IReadOnlyList<LabelScore> labels, string model) => new(StringComparer.Ordinal)
    {
        ["label"] = labels[0].Label,
        ["probability"] = Math.Round((double)labels[0].Probability, 3, MidpointRounding.AwayFromZero),
        ["labels"] = string.Join('\n', labels.Select(l => l.Label)),
        ["model"] = model,
    };
}
