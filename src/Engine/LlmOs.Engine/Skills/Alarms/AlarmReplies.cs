using System.Globalization;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>What the timer and reminder skills share: adding an alarm, with the book's refusals turned into replies.</summary>
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
}
