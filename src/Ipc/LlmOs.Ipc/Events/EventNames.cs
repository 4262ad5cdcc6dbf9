namespace LlmOs.Ipc.Events;

/// <summary>The Server-Sent Event names of <c>GET /v1/events</c> and the kinds a due event carries.</summary>
public static class EventNames
{
    /// <summary>A timer or reminder fell due (<see cref="DueEventDto"/>).</summary>
    public const string Due = "due";

    public const string TimerKind = "timer";
    public const string ReminderKind = "reminder";
}
