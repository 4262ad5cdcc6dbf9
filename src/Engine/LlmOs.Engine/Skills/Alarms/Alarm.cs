using System.Text.Json.Serialization;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// A timer or reminder of one uid: its id (short, for "cancel timer 2"), its label (a timer's name, or what a
/// reminder is about; empty for an anonymous timer), when it is due, and when it was set. Pending until it fires;
/// then <see cref="FiredAt"/> is set and it stays in the book until its owner received it (or it is too old).
/// </summary>
public sealed record Alarm(string Id, AlarmKind Kind, uint OwnerUid, string Label, DateTimeOffset DueAt, DateTimeOffset CreatedAt)
{
    /// <summary>The duration a timer was set for; null for a reminder.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>When it fired; null while it is pending.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>Whether it fired late: it fell due, or was still undelivered, while llmosd was not running.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FiredLate { get; init; }

    /// <summary>Whether it is still to fire (neither fired nor cancelled).</summary>
    [JsonIgnore]
    public bool Pending => FiredAt is null;
}
