namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// An alarm that fell due. <see cref="Late"/> when it fell due while llmosd was not running and fired on start, or had
/// fired but not yet reached its owner when llmosd stopped and is raised again on start.
/// </summary>
public sealed record AlarmDue(Alarm Alarm, DateTimeOffset FiredAt, bool Late);
