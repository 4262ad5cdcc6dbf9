using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary>
/// <c>volume.set</c> [level], <c>volume.change</c> [direction], <c>volume.mute</c> [state]: actions for the
/// session's audio server (<c>{"type":"volume.set","level":50}</c>, <c>{"type":"volume.change","direction":"up","step":10}</c>,
/// <c>{"type":"volume.mute","mute":true}</c>).
/// </summary>
public sealed class VolumeSkill : ISkill
{
    /// <summary>How many percent "louder" or "quieter" moves the volume.</summary>
    public const long Step = 10;

    public IReadOnlyList<string> Intents { get; } = ["volume.set", "volume.change", "volume.mute"];

    public bool UsesLanguageModel => false;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Invocation.Intent switch
        {
            "volume.set" => Set(request),
            "volume.change" => Change(request),
            _ => Mute(request),
        });

    private static IntentReply Set(SkillRequest request)
    {
        if (SkillSlots.Number(request.Invocation, "level") is not { } level)
        {
            return new IntentReply(request.Language.Respond("volume.ask_level"));
        }

        // Percent of the normal maximum; audio servers allow some boost above 100, but a spoken "200%" is most
        // likely a mistake, so the level stays within 0-100.
        long percent = (long)Math.Round(Math.Clamp(level, 0, 100));
        return new IntentReply(
            request.Language.Respond("volume.set", ("level", percent.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Action("volume.set", ("level", percent)));
    }

    private static IntentReply Change(SkillRequest request)
    {
        string? direction = SkillSlots.Text(request.Invocation, "direction")?.ToLowerInvariant();
        if (direction is not ("up" or "down"))
        {
            return new IntentReply(request.Language.Respond("volume.ask_direction"));
        }

        return new IntentReply(
            request.Language.Respond(direction == "up" ? "volume.up" : "volume.down"),
            Action("volume.change", ("direction", direction), ("step", Step)));
    }

    private static IntentReply Mute(SkillRequest request)
    {
        bool mute = SkillSlots.Text(request.Invocation, "state")?.ToLowerInvariant() != "off";
        return new IntentReply(request.Language.Respond(mute ? "volume.mute" : "volume.unmute"), Action("volume.mute", ("mute", mute)));
    }

    private static Dictionary<string, object> Action(string type, params ReadOnlySpan<(string Name, object Value)> arguments)
    {
        var action = new Dictionary<string, object>(StringComparer.Ordinal) { ["type"] = type };
        foreach (var (name, value) in arguments)
        {
            action[name] = value;
        }

        return action;
    }
}
