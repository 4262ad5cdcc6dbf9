using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>The socket intent handlers' log messages, with stable event ids (1350-1369).</summary>
internal static partial class IntentStreamLog
{
    [LoggerMessage(1350, LogLevel.Information, "Intent handler {Handler} of uid {Uid} registered: {Intents}")]
    public static partial void Registered(ILogger logger, string handler, uint uid, string intents);

    [LoggerMessage(1351, LogLevel.Information, "Intent handler {Handler} left; {Pending} unanswered requests fail")]
    public static partial void Closed(ILogger logger, string handler, int pending);

    [LoggerMessage(1352, LogLevel.Debug, "Dispatch {DispatchId} of intent {Intent} sent to {Handler}")]
    public static partial void Dispatched(ILogger logger, string dispatchId, string intent, string handler);

    [LoggerMessage(1353, LogLevel.Debug, "Dispatch {DispatchId} answered by {Handler}")]
    public static partial void Answered(ILogger logger, string dispatchId, string handler);

    [LoggerMessage(1354, LogLevel.Information, "Dispatch {DispatchId} refused by {Handler}: {Message}")]
    public static partial void Refused(ILogger logger, string dispatchId, string handler, string message);

    [LoggerMessage(1355, LogLevel.Warning, "Intent handler {Handler} has {Waiting} requests it has not read; a new one fails as busy")]
    public static partial void Backlogged(ILogger logger, string handler, int waiting);

    [LoggerMessage(1356, LogLevel.Debug, "An answer from uid {Uid} named dispatch {DispatchId}, which is not waiting for it")]
    public static partial void UnknownDispatch(ILogger logger, uint uid, string dispatchId);
}
