using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Hosting;

/// <summary>Log messages of socket activation and the watchdog, with stable event ids (2700-2719).</summary>
internal static partial class ActivationLog
{
    [LoggerMessage(2700, LogLevel.Information, "Serving on the socket systemd passed: {Socket}")]
    public static partial void Inherited(ILogger logger, string socket);

    [LoggerMessage(2701, LogLevel.Warning, "Serving on the socket systemd passed, {Socket}, not on the configured {Configured}")]
    public static partial void InheritedElsewhere(ILogger logger, string socket, string configured);

    [LoggerMessage(2702, LogLevel.Warning, "Ignoring what systemd passed in {Descriptors}: not a Unix stream socket")]
    public static partial void Ignored(ILogger logger, string descriptors);

    [LoggerMessage(2703, LogLevel.Information, "Stopped; socket {Socket} stays with systemd")]
    public static partial void StoppedInherited(ILogger logger, string socket);

    [LoggerMessage(2704, LogLevel.Warning, "The scheduler is stuck: a step of {Worker} has run for {Seconds:F0} s (the bound is {BoundSeconds:F0} s); no longer feeding systemd's watchdog, which will restart llmosd")]
    public static partial void Stuck(ILogger logger, string worker, double seconds, double boundSeconds);

    [LoggerMessage(2705, LogLevel.Information, "The scheduler moves again ({Worker}'s step returned); feeding systemd's watchdog again")]
    public static partial void Recovered(ILogger logger, string worker);
}
