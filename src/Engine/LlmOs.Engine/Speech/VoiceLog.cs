using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Speech;

/// <summary>The log messages of voice tasks, with stable event ids (2890-2899).</summary>
internal static partial class VoiceLog
{
    [LoggerMessage(2890, LogLevel.Debug, "Voice task {TaskId}: the utterance ended after {Seconds:F2} s ({Why})")]
    public static partial void UtteranceEnded(ILogger logger, string taskId, double seconds, string why);

    [LoggerMessage(2891, LogLevel.Debug, "Voice task {TaskId}: the command grammar heard '{Text}' (confidence {Confidence:F2})")]
    public static partial void Accepted(ILogger logger, string taskId, string text, double confidence);

    [LoggerMessage(2892, LogLevel.Debug, "Voice task {TaskId}: the command grammar's hypothesis '{Text}' was rejected: {Why}")]
    public static partial void Rejected(ILogger logger, string taskId, string text, string why);

    [LoggerMessage(2893, LogLevel.Debug, "Voice task {TaskId}: transcribing with Whisper for open speech")]
    public static partial void FallingBack(ILogger logger, string taskId);

    [LoggerMessage(2894, LogLevel.Information, "Voice task {TaskId}: nothing was caught; answered without acting")]
    public static partial void NotCaught(ILogger logger, string taskId);

    [LoggerMessage(2895, LogLevel.Debug, "Voice task {TaskId}: '{Text}' understood as {Intent}")]
    public static partial void Understood(ILogger logger, string taskId, string text, string intent);
}
