using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Writing;

/// <summary><c>translate.text</c> [text, language]: the language model translates the text into the language (an ISO 639-1 code).</summary>
public sealed class TranslateSkill(LanguageModelCalls languageModel) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["translate.text"];

    public bool UsesLanguageModel => true;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (SkillSlots.Text(request.Invocation, "text") is not { } text)
        {
            return Task.FromResult(new IntentReply(language.Respond("translate.ask_text")));
        }

        if (SkillSlots.Text(request.Invocation, "language") is not { } code)
        {
            return Task.FromResult(new IntentReply(language.Respond("translate.ask_language")));
        }

        // The prompt names the target by the list's label in the asking language ("French"), which a model follows
        // better than a bare code; a code no list knows is passed as it is.
        string target = language.Lists.TryGetValue("language", out var languages)
            && languages.FirstOrDefault(e => string.Equals(e.Value, code, StringComparison.OrdinalIgnoreCase)) is { } entry
            ? entry.Label
            : code;
        return LanguageModelReply.AskAsync(languageModel, request, language.Respond("prompt.translate", ("language", target)), text, cancellationToken);
    }
}
