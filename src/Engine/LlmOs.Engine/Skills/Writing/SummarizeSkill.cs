using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Writing;

/// <summary><c>text.summarize</c> [text]: the language model summarizes the text.</summary>
public sealed class SummarizeSkill(LanguageModelCalls languageModel) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["text.summarize"];

    public bool UsesLanguageModel => true;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken) =>
        SkillSlots.Text(request.Invocation, "text") is { } text
            ? LanguageModelReply.AskAsync(languageModel, request, request.Language.Respond("prompt.summarize"), text, cancellationToken)
            : Task.FromResult(new IntentReply(request.Language.Respond("summarize.ask_text")));
}
