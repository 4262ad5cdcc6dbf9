namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// A pending timer or reminder of one uid: its id (short, for "cancel timer 2"), its label (a timer's name, or
/// what a reminder is about; empty for an anonymous timer), when it is due, and when it was set.
/// </summary>
public sealed record Alarm(string Id, AlarmKind Kind, uint OwnerUid, string Label, DateTimeOffset DueAt, DateTimeOffset CreatedAt)
{
    /// <summary>The duration a timer was set for; null for a reminder.</summary>
    public TimeSpan? Duration { get; init; }
}
