using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary><c>screen.lock</c> and <c>screenshot.take</c>: actions of the same type for the user's session.</summary>
public sealed class ScreenSkill : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["screen.lock", "screenshot.take"];

    public bool UsesLanguageModel => false;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        string intent = request.Invocation.Intent;
        var action = new Dictionary<string, object>(StringComparer.Ordinal) { ["type"] = intent };
        return Task.FromResult(new IntentReply(request.Language.Respond(intent), action));
    }
}
