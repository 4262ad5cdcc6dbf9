namespace LlmOs.Engine.Skills.Alarms;

/// <summary>Which pending alarm a person means: "cancel the pasta timer", "cancel timer 2", "cancel the reminder about Anna".</summary>
internal static class AlarmMatch
{
    /// <summary>
    /// By id, else by the same label (case aside), else by a label that contains the words or is contained in them
    /// ("pasta" and "the pasta"); the newest of several. Null when none fits.
    /// </summary>
    public static Alarm? Find(IReadOnlyList<Alarm> alarms, string query)
    {
        query = query.Trim();
        return alarms.FirstOrDefault(a => a.Id == query)
            ?? Newest(alarms.Where(a => string.Equals(a.Label, query, StringComparison.OrdinalIgnoreCase)))
            ?? Newest(alarms.Where(a => a.Label.Length > 0 && (
                a.Label.Contains(query, StringComparison.OrdinalIgnoreCase) || query.Contains(a.Label, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>The one set last.</summary>
    public static Alarm? Newest(IEnumerable<Alarm> alarms) => alarms.MaxBy(a => a.CreatedAt);
}
