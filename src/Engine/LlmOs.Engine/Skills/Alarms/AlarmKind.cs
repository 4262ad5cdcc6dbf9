namespace LlmOs.Engine.Skills.Alarms;

/// <summary>A timer runs for a duration; a reminder is due at a moment and carries what to remember.</summary>
public enum AlarmKind
{
    Timer,
    Reminder,
}
