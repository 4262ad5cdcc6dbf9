using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Assistant;

/// <summary>The daemon's side of asks, due events and the alarm book (event ids 1400-1449).</summary>
internal static partial class AskLog
{
    [LoggerMessage(1400, LogLevel.Information, "Alarm book started from {StateFile}")]
    public static partial void AlarmsStarted(ILogger logger, string stateFile);

    [LoggerMessage(1401, LogLevel.Error, "Timers and reminders are unavailable: the alarm book in {StateFile} failed to start")]
    public static partial void AlarmsFailed(ILogger logger, Exception exception, string stateFile);

    [LoggerMessage(1402, LogLevel.Debug, "Due: {Kind} {Id} of uid {Uid} (late: {Late}) to {Subscribers} subscriber(s)")]
    public static partial void Due(ILogger logger, string kind, string id, uint uid, bool late, int subscribers);

    [LoggerMessage(1403, LogLevel.Information, "Due {Kind} {Id} of uid {Uid} kept for its next subscriber: nobody listens now")]
    public static partial void DueKept(ILogger logger, string kind, string id, uint uid);

    [LoggerMessage(1404, LogLevel.Warning, "A due-event subscriber of uid {Uid} failed")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, uint uid);

    [LoggerMessage(1405, LogLevel.Debug, "Ask of uid {Uid}: {Intent} by {Handler} ({Confidence:0.00})")]
    public static partial void Answered(ILogger logger, uint uid, string intent, string handler, double confidence);

    [LoggerMessage(1406, LogLevel.Information, "uid {Uid} follows due events over {Transport}")]
    public static partial void Subscribed(ILogger logger, uint uid, string transport);

    [LoggerMessage(1407, LogLevel.Debug, "Due signal to {Destination} could not be sent (its connection is gone)")]
    public static partial void SignalDropped(ILogger logger, string destination);
}
