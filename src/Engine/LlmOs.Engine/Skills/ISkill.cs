using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills;

/// <summary>
/// A built-in skill: handles one or more of llmosd's own intents. Its reply is the same shape an app's handler
/// gives (text and an optional action for the user's session), so the ask task treats both alike.
/// </summary>
public interface ISkill
{
    /// <summary>The intents it handles, by name (<c>timer.set</c>, <c>timer.cancel</c>).</summary>
    IReadOnlyList<string> Intents { get; }

    /// <summary>Whether it answers through the language model (chat, translate…): the ask result then names <c>llm</c> as its handler.</summary>
    bool UsesLanguageModel { get; }

    /// <summary>Runs the intent; bad slot values give a reply that says what is missing, not an exception.</summary>
    Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken);
}
