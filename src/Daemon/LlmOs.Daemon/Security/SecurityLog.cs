using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Security;

/// <summary>Authorisation log messages, with stable event ids (2720-2749).</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(2720, LogLevel.Information, "polkit authorised {Action} for uid {Uid} (pid {Pid})")]
    public static partial void Authorized(ILogger logger, string action, uint uid, uint pid);

    [LoggerMessage(2721, LogLevel.Information, "polkit did not authorise {Action} for uid {Uid} (pid {Pid})")]
    public static partial void NotAuthorized(ILogger logger, string action, uint uid, uint pid);

    [LoggerMessage(2722, LogLevel.Warning, "polkit could not be asked about {Action} for uid {Uid}: {Reason}; refused")]
    public static partial void PolkitFailed(ILogger logger, string action, uint uid, string reason);

    [LoggerMessage(2723, LogLevel.Warning, "polkit did not answer about {Action} for uid {Uid} within {Seconds} s; refused")]
    public static partial void PolkitTimedOut(ILogger logger, string action, uint uid, double seconds);

    [LoggerMessage(2724, LogLevel.Debug, "the start time of pid {Pid} is not readable; polkitd looks it up")]
    public static partial void NoStartTime(ILogger logger, uint pid);
}
