using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills.Clock;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// <c>reminder.add</c> [text, when], <c>reminder.list</c>, <c>reminder.cancel</c> [text]: reminders at a moment
/// in the <see cref="AlarmBook"/>. Cancelling matches the text, or takes the newest.
/// </summary>
public sealed class ReminderSkill(AlarmBook alarms) : ISkill
{
    /// <summary>How far ahead a reminder may be set.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    public IReadOnlyList<string> Intents { get; } = ["reminder.add", "reminder.list", "reminder.cancel"];

    public bool UsesLanguageModel => false;

    public async Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken) =>
        new(LocaleFormats.Tidy(request.Invocation.Intent switch
        {
            "reminder.add" => await AddAsync(request, cancellationToken).ConfigureAwait(false),
            "reminder.cancel" => await CancelAsync(request, cancellationToken).ConfigureAwait(false),
            _ => List(request),
        }));

    private async Task<string> AddAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var language = request.Language;
        string? text = SkillSlots.Text(request.Invocation, "text");
        if (text is null)
        {
            return language.Respond("reminder.ask_text");
        }

        var when = SkillSlots.Moment(request.Invocation, "when");
        if (when is null)
        {
            return language.Respond("reminder.ask_when");
        }

        var now = request.Context.Now;
        if (when <= now)
        {
            return language.Respond("reminder.past");
        }

        if (when - now > MaxAhead)
        {
            return language.Respond("reminder.too_far", ("max", SpokenTime.Duration(MaxAhead, language)));
        }

        if (await AlarmReplies.AddAsync(alarms, AlarmKind.Reminder, request, text, when.Value, null, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        return language.Respond("reminder.added", ("text", text), ("when", When(when.Value, request)));
    }

    private Task<string> CancelAsync(SkillRequest request, CancellationToken cancellationToken) =>
        AlarmReplies.CancelAsync(alarms, AlarmKind.Reminder, request, "text", reminder =>
            request.Language.Respond("reminder.cancelled", ("text", reminder.Label)), cancellationToken);

    private string List(SkillRequest request) =>
        AlarmReplies.List(alarms, AlarmKind.Reminder, request, reminder =>
            request.Language.Respond("reminder.item", ("text", reminder.Label), ("when", When(reminder.DueAt, request))));

    private static string When(DateTimeOffset due, SkillRequest request) =>
        SpokenTime.When(due, request.Context.Now, request.Context.TimeZone, request.Language, request.Locale);
}
