using Microsoft.Extensions.Logging;
using Whisper.net.Logger;

namespace LlmOs.Engine.Whisper;

/// <summary>
/// Routes whisper.cpp's own messages (Whisper.net's <see cref="LogProvider"/>, which takes the native log callback so
/// nothing reaches stderr) into our logger at debug level. The provider is process-wide, so it is hooked once and
/// writes to the logger of the latest backend made.
/// </summary>
internal static class WhisperNativeLog
{
    private static readonly Lock Gate = new();
    private static ILogger? _logger;
    private static IDisposable? _hook;

    public static void RouteTo(ILogger logger)
    {
        lock (Gate)
        {
            Volatile.Write(ref _logger, logger);
            _hook ??= LogProvider.AddLogger(Write);
        }
    }

    private static void Write(WhisperLogLevel level, string? message)
    {
        if (Volatile.Read(ref _logger) is { } logger && !string.IsNullOrWhiteSpace(message))
        {
            WhisperLog.Native(logger, message.TrimEnd());
        }
    }
}
