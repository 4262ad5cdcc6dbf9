using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Hosting;

/// <summary>The daemon's log messages, with stable event ids (2000-2099).</summary>
internal static partial class DaemonLog
{
    [LoggerMessage(2000, LogLevel.Information, "llmosd {Version} ready in {Mode} mode on {Socket} (data in {DataDir})")]
    public static partial void Ready(ILogger logger, string version, string mode, string socket, string dataDir);

    [LoggerMessage(2001, LogLevel.Information, "Stopping: no new tasks accepted")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(2002, LogLevel.Information, "Stopped; socket {Socket} removed")]
    public static partial void Stopped(ILogger logger, string socket);

    [LoggerMessage(2003, LogLevel.Warning, "Request refused: {Code}: {Message}")]
    public static partial void Refused(ILogger logger, string code, string message);

    [LoggerMessage(2004, LogLevel.Error, "Unexpected error while handling {Path}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(2005, LogLevel.Debug, "Forgot {Count} finished task(s)")]
    public static partial void TasksForgotten(ILogger logger, int count);
}
