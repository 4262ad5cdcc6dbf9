using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Writing;

/// <summary><c>chat</c>: anything no other intent took; the language model answers the utterance as it was said.</summary>
public sealed class ChatSkill(LanguageModelCalls languageModel) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["chat"];

    public bool UsesLanguageModel => true;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken) =>
        LanguageModelReply.AskAsync(languageModel, request, request.Language.Respond("prompt.chat"), request.Invocation.Utterance, cancellationToken);
}
