using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>Log messages of the timers and reminders, with stable event ids (2550-2569).</summary>
internal static partial class AlarmsLog
{
    [LoggerMessage(2550, LogLevel.Information, "Alarms: {Count} pending loaded from {File}")]
    public static partial void Loaded(ILogger logger, int count, string file);

    [LoggerMessage(2551, LogLevel.Warning, "Alarms: {File} is unreadable ({Reason}); moved aside to {Aside}, starting with none")]
    public static partial void Corrupt(ILogger logger, string file, string reason, string aside);

    [LoggerMessage(2552, LogLevel.Warning, "Alarms: {File} could not be read ({Reason}); starting with none")]
    public static partial void ReadFailed(ILogger logger, string file, string reason);

    [LoggerMessage(2553, LogLevel.Warning, "Alarms: saving {File} failed ({Reason})")]
    public static partial void SaveFailed(ILogger logger, string file, string reason);

    [LoggerMessage(2554, LogLevel.Information, "Alarms: {Kind} {Id} of uid {Uid} added, due {DueAt:o}")]
    public static partial void Added(ILogger logger, AlarmKind kind, string id, uint uid, DateTimeOffset dueAt);

    [LoggerMessage(2555, LogLevel.Information, "Alarms: {Kind} {Id} of uid {Uid} cancelled")]
    public static partial void Cancelled(ILogger logger, AlarmKind kind, string id, uint uid);

    [LoggerMessage(2556, LogLevel.Information, "Alarms: {Kind} {Id} of uid {Uid} is due (late: {Late})")]
    public static partial void Fired(ILogger logger, AlarmKind kind, string id, uint uid, bool late);

    [LoggerMessage(2557, LogLevel.Error, "Alarms: a handler of the due {Kind} {Id} of uid {Uid} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, AlarmKind kind, string id, uint uid);

    [LoggerMessage(2558, LogLevel.Warning, "Alarms: dropped {Count} invalid entries of {File}")]
    public static partial void DroppedInvalid(ILogger logger, int count, string file);
}
