using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Whisper;

/// <summary>The log messages of the Whisper backend, with stable event ids (2870-2879).</summary>
internal static partial class WhisperLog
{
    [LoggerMessage(2870, LogLevel.Information, "Whisper model {Path} loaded in {Milliseconds:F0} ms")]
    public static partial void Loaded(ILogger logger, string path, double milliseconds);

    [LoggerMessage(2871, LogLevel.Warning, "Whisper model {Path} failed to load")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(2872, LogLevel.Debug, "Transcribed {Seconds:F1} s of audio into {Segments} segment(s) in {Milliseconds:F0} ms")]
    public static partial void Transcribed(ILogger logger, double seconds, int segments, double milliseconds);

    [LoggerMessage(2873, LogLevel.Debug, "whisper.cpp: {Message}")]
    public static partial void Native(ILogger logger, string message);
}
