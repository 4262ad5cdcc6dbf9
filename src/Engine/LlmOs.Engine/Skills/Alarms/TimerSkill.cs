using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills.Clock;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// <c>timer.set</c> [duration, name], <c>timer.cancel</c> [name], <c>timer.list</c>: named or anonymous timers in
/// the <see cref="AlarmBook"/>. Cancelling without a name takes the only timer, or the newest.
/// </summary>
public sealed class TimerSkill(AlarmBook alarms) : ISkill
{
    /// <summary>The longest timer; longer waits are what reminders are for.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    public IReadOnlyList<string> Intents { get; } = ["timer.set", "timer.cancel", "timer.list"];

    public bool UsesLanguageModel => false;

    public async Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken) =>
        new(LocaleFormats.Tidy(request.Invocation.Intent switch
        {
            "timer.set" => await SetAsync(request, cancellationToken).ConfigureAwait(false),
            "timer.cancel" => await CancelAsync(request, cancellationToken).ConfigureAwait(false),
            _ => List(request),
        }));

    private async Task<string> SetAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        double? seconds = SkillSlots.Number(request.Invocation, "duration");
        if (seconds is not > 0)
        {
            return language.Respond("timer.ask_duration");
        }

        if (seconds > MaxDuration.TotalSeconds)
        {
            return language.Respond("timer.too_long", ("max", SpokenTime.Duration(MaxDuration, language)));
        }

        var duration = TimeSpan.FromSeconds(Math.Round(seconds.Value));
        string name = SkillSlots.Text(request.Invocation, "name") ?? "";
        if (await AlarmReplies.AddAsync(alarms, AlarmKind.Timer, request, name, request.Context.Now + duration, duration, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        string spoken = SpokenTime.Duration(duration, language);
        return name.Length == 0
            ? language.Respond("timer.set", ("duration", spoken))
            : language.Respond("timer.set_named", ("name", name), ("duration", spoken));
    }

    private Task<string> CancelAsync(SkillRequest request, CancellationToken cancellationToken) =>
        AlarmReplies.CancelAsync(alarms, AlarmKind.Timer, request, "name", timer => timer.Label.Length > 0
            ? request.Language.Respond("timer.cancelled_named", ("name", timer.Label))
            : request.Language.Respond("timer.cancelled", ("duration", SpokenTime.Duration(timer.Duration ?? timer.DueAt - timer.CreatedAt, request.Language))),
            cancellationToken);

    private string List(SkillRequest request) =>
        AlarmReplies.List(alarms, AlarmKind.Timer, request, timer => Item(timer, request.Context.Now, request.Language));

    private static string Item(Alarm timer, DateTimeOffset now, LanguagePack language)
    {
        // Whole seconds left, rounded up: a timer with 0.4 s to go still has "1 second" left.
        var left = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling((timer.DueAt - now).TotalSeconds)));
        string remaining = SpokenTime.Duration(left, language);
        return timer.Label.Length > 0
            ? language.Respond("timer.item_named", ("name", timer.Label), ("remaining", remaining))
            : language.Respond("timer.item", ("duration", SpokenTime.Duration(timer.Duration ?? timer.DueAt - timer.CreatedAt, language)), ("remaining", remaining));
    }
}
