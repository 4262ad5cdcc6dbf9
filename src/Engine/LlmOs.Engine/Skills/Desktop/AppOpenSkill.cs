using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary>
/// <c>app.open</c> [app]: the action <c>{"type":"app.open","desktop_id":…}</c> for the user's session to launch
/// (the daemon itself never starts programs). An app that is not installed gets a reply and no action.
/// </summary>
public sealed class AppOpenSkill(DesktopApps apps) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["app.open"];

    public bool UsesLanguageModel => false;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        string? desktopId = SkillSlots.Text(request.Invocation, "app");
        if (desktopId is null)
        {
            return Task.FromResult(new IntentReply(language.Respond("app.ask")));
        }

        if (apps.Label(desktopId, language.Code) is not { } label)
        {
            return Task.FromResult(new IntentReply(language.Respond("app.not_installed", ("app", DesktopAppList.WithoutSuffix(desktopId)))));
        }

        var action = new Dictionary<string, object>(StringComparer.Ordinal) { ["type"] = "app.open", ["desktop_id"] = desktopId };
        return Task.FromResult(new IntentReply(language.Respond("app.opening", ("app", label)), action));
    }
}
