using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.DBus;

/// <summary>llmosd's D-Bus log messages, with stable event ids (1300-1349).</summary>
internal static partial class BusLog
{
    [LoggerMessage(1300, LogLevel.Information, "D-Bus: connected to the {Bus} bus as {UniqueName}")]
    public static partial void Connected(ILogger logger, string bus, string uniqueName);

    [LoggerMessage(1301, LogLevel.Information, "D-Bus: {Name} acquired; serving {Path}")]
    public static partial void NameAcquired(ILogger logger, string name, string path);

    [LoggerMessage(1303, LogLevel.Warning, "D-Bus: the {Bus} bus went away ({Reason}); reconnecting in {DelaySeconds} s. The socket API is not affected")]
    public static partial void Disconnected(ILogger logger, string bus, string reason, double delaySeconds);

    [LoggerMessage(1304, LogLevel.Warning, "D-Bus: cannot connect to the {Bus} bus at {Address}: {Reason}; retrying in {DelaySeconds} s. The socket API is not affected")]
    public static partial void ConnectFailed(ILogger logger, string bus, string address, string reason, double delaySeconds);

    [LoggerMessage(1305, LogLevel.Debug, "D-Bus: still cannot connect to the {Bus} bus: {Reason}; retrying in {DelaySeconds} s")]
    public static partial void ConnectFailedAgain(ILogger logger, string bus, string reason, double delaySeconds);

    [LoggerMessage(1306, LogLevel.Information, "D-Bus: no {Bus} bus address ({Variable} is not set); serving the socket only")]
    public static partial void NoAddress(ILogger logger, string bus, string variable);

    [LoggerMessage(1307, LogLevel.Information, "D-Bus: left the {Bus} bus")]
    public static partial void Stopped(ILogger logger, string bus);

    [LoggerMessage(1310, LogLevel.Warning, "D-Bus: {Member} from {Sender} refused: {ErrorName}: {Message}")]
    public static partial void Refused(ILogger logger, string member, string sender, string errorName, string message);

    [LoggerMessage(1311, LogLevel.Error, "D-Bus: unexpected error while handling {Member} on {Path} from {Sender}")]
    public static partial void CallFailed(ILogger logger, Exception exception, string member, string path, string sender);

    [LoggerMessage(1312, LogLevel.Debug, "D-Bus: {Sender} left the bus: {Tasks} task(s) cancelled, {Handlers} intent handler registration(s) dropped")]
    public static partial void PeerLeft(ILogger logger, string sender, int tasks, int handlers);

    [LoggerMessage(1313, LogLevel.Information, "D-Bus: {Sender} (uid {Uid}) registered the intent handler {Path} for {Count} intent(s)")]
    public static partial void HandlerRegistered(ILogger logger, string sender, uint uid, string path, int count);

    [LoggerMessage(1314, LogLevel.Information, "D-Bus: {Sender} unregistered the intent handler {Path}")]
    public static partial void HandlerUnregistered(ILogger logger, string sender, string path);

    [LoggerMessage(1315, LogLevel.Warning, "D-Bus: the signals of task {TaskId} stopped: {Reason}")]
    public static partial void ForwarderFailed(ILogger logger, string taskId, string reason);

    [LoggerMessage(1316, LogLevel.Information, "D-Bus: {Name} is owned by another connection; queued for it")]
    public static partial void NameQueued(ILogger logger, string name);
}
