using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Skills.Clock;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// What the timer and reminder skills share: adding an alarm (the book's refusals turned into replies), cancelling the
/// one a person names, and listing them. Replies are the language's <c>timer.*</c> or <c>reminder.*</c> sentences.
/// </summary>
internal static class AlarmReplies
{
    /// <summary>Adds the alarm for the caller; null when added, else the reply that says why not (too many, too long).</summary>
    public static async Task<string?> AddAsync(
        AlarmBook alarms,
        AlarmKind kind,
        SkillRequest request,
        string label,
        DateTimeOffset dueAt,
        TimeSpan? duration,
        CancellationToken cancellationToken)
    {
        var language = request.Language;
        if (label.Length > AlarmBook.MaxLabelLength)
        {
            return language.Respond("alarms.too_long");
        }

        try
        {
            await alarms.AddAsync(kind, request.Invocation.CallerUid, label, dueAt, duration, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (EngineException e) when (e.Kind == ErrorKind.QuotaExceeded)
        {
            return language.Respond("alarms.full", ("max", AlarmBook.MaxPerOwner.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// Cancels the caller's pending alarm of the kind that the slot <paramref name="querySlot"/> names,
    /// or the newest without one; <paramref name="cancelled"/> words the success. One that fell due meanwhile is not
    /// cancelled: the reply says it is done, as its due event does.
    /// </summary>
    public static async Task<string> CancelAsync(
        AlarmBook alarms,
        AlarmKind kind,
        SkillRequest request,
        string querySlot,
        Func<Alarm, string> cancelled,
        CancellationToken cancellationToken)
    {
        var language = request.Language;
        string prefix = Prefix(kind);
        var own = alarms.List(request.Invocation.CallerUid, kind);
        if (own.Count == 0)
        {
            return language.Respond(prefix + ".none");
        }

        string? query = SkillSlots.Text(request.Invocation, querySlot);
        var alarm = query is null ? AlarmMatch.Newest(own) : AlarmMatch.Find(own, query);
        if (alarm is null)
        {
            return language.Respond(prefix + ".not_found", (querySlot, query ?? ""));
        }

        return await CancelThisAsync(alarms, alarm, request, cancelled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels the alarm picked from the list; when it fell due since, says it is done (as its due event does) instead.</summary>
    internal static async Task<string> CancelThisAsync(
        AlarmBook alarms,
        Alarm alarm,
        SkillRequest request,
        Func<Alarm, string> cancelled,
        CancellationToken cancellationToken) =>
        await alarms.CancelAsync(alarm.OwnerUid, alarm.Id, cancellationToken).ConfigureAwait(false)
            ? cancelled(alarm)
            : AlarmDueText.For(new AlarmDue(alarm, request.Context.Now, Late: false), request.Language);

    /// <summary>The caller's pending alarms of the kind, soonest first, each worded by <paramref name="item"/>.</summary>
    public static string List(AlarmBook alarms, AlarmKind kind, SkillRequest request, Func<Alarm, string> item)
    {
        var language = request.Language;
        string prefix = Prefix(kind);
        var own = alarms.List(request.Invocation.CallerUid, kind);
        if (own.Count == 0)
        {
            return language.Respond(prefix + ".none");
        }

        return language.Respond(
            own.Count == 1 ? prefix + ".list_one" : prefix + ".list",
            ("count", own.Count.ToString(CultureInfo.InvariantCulture)),
            ("items", LocaleFormats.JoinList(language, [.. own.Select(item)])));
    }

    private static string Prefix(AlarmKind kind) => kind == AlarmKind.Timer ? "timer" : "reminder";
}
