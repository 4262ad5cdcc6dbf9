using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Skills.Vision;

/// <summary>
/// <c>image.read_text</c>: reads the text in the ask's image (an OCR task of the caller, at the ask's priority) in the
/// asking language's OCR language (<c>image.ocr_language</c> of its replies: <c>eng</c>, <c>spa</c>) when that is
/// installed, else in English, and answers with the text. Slots added to the ask: <c>text</c> (what was read),
/// <c>confidence</c> (0 to 100), <c>lines</c> (how many lines) and <c>language</c> (the OCR language used).
/// </summary>
public sealed class ImageReadTextSkill(Scheduler scheduler) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["image.read_text"];

    public bool UsesLanguageModel => false;

    public async Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (request.Image is not { } image)
        {
            return new IntentReply(language.Respond("image.attach"));
        }

        string? ocrLanguage = language.Responses.TryGetValue("image.ocr_language", out var wanted) && scheduler.OcrLanguages.Contains(wanted, StringComparer.Ordinal)
            ? wanted
            : null;
        TaskRecord task;
        try
        {
            task = scheduler.SubmitOcr(request.Invocation.CallerUid, image, ocrLanguage, request.Priority);
        }
        catch (EngineException e) when (ImageTasks.ReplyFor(e, request, "image.no_ocr") is { } reply)
        {
            return reply;
        }

        if (!await ImageTasks.CompletedAsync(scheduler, task, cancellationToken).ConfigureAwait(false) || task.Reading is not { } reading)
        {
            return ImageTasks.Unfinished(task, request);
        }

        string text = reading.Text.Trim();
        var slots = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["text"] = text,
            ["confidence"] = Math.Round((double)reading.Confidence, 1, MidpointRounding.AwayFromZero),
            ["lines"] = (long)reading.Lines.Count,
            ["language"] = task.OcrLanguage ?? Scheduler.DefaultOcrLanguage,
        };
        return new IntentReply(text.Length == 0 ? language.Respond("image.no_text") : language.Respond("image.text", ("text", text))) { Slots = slots };
    }
}
