using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Writing;

/// <summary><c>text.write</c> [topic]: the language model writes a short text about the topic.</summary>
public sealed class WriteSkill(LanguageModelCalls languageModel) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["text.write"];

    public bool UsesLanguageModel => true;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken) =>
        SkillSlots.Text(request.Invocation, "topic") is { } topic
            ? LanguageModelReply.AskAsync(languageModel, request, request.Language.Respond("prompt.write"), topic, cancellationToken)
            : Task.FromResult(new IntentReply(request.Language.Respond("write.ask_topic")));
}
