using LLama.Native;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Llama;

/// <summary>
/// Sends llama.cpp's own logging (by default a flood on stderr) into our logger, at debug level
/// unless llama.cpp calls it a warning or an error. Must be set before the native library loads.
/// </summary>
internal static partial class LlamaNativeLog
{
    private static int _configured;

    public static void Configure(ILogger logger)
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        NativeLibraryConfig.All.WithLogCallback((level, message) =>
        {
            var mapped = level switch
            {
                LLamaLogLevel.Error => LogLevel.Error,
                LLamaLogLevel.Warning => LogLevel.Warning,
                _ => LogLevel.Debug,
            };
            if (logger.IsEnabled(mapped) && !string.IsNullOrWhiteSpace(message))
            {
                string line = message.TrimEnd();
                Native(logger, mapped, line);
            }
        });
    }

    [LoggerMessage(EventId = 1100, Message = "llama.cpp: {Message}")]
    private static partial void Native(ILogger logger, LogLevel level, string message);
}
