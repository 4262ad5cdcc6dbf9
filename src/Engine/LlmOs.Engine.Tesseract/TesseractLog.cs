using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Tesseract;

/// <summary>The tesseract engine's log messages, with stable event ids (1530-1549).</summary>
internal static partial class TesseractLog
{
    [LoggerMessage(1530, LogLevel.Debug, "tesseract instance for '{Language}' initialised from {DataPath} in {Milliseconds:F0} ms")]
    public static partial void InstanceOpened(ILogger logger, string language, string dataPath, double milliseconds);

    [LoggerMessage(1531, LogLevel.Debug, "Recognised {Width}x{Height} in '{Language}': {Lines} line(s), confidence {Confidence:F0}, {Milliseconds:F0} ms")]
    public static partial void Recognised(ILogger logger, int width, int height, string language, int lines, float confidence, double milliseconds);

    [LoggerMessage(1532, LogLevel.Debug, "Recognition of {Width}x{Height} cancelled after {Milliseconds:F0} ms")]
    public static partial void Cancelled(ILogger logger, int width, int height, double milliseconds);

    [LoggerMessage(1533, LogLevel.Warning, "Text recognition failed: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);

    [LoggerMessage(1534, LogLevel.Debug, "tesseract engine disposed: {Instances} instance(s) freed")]
    public static partial void Disposed(ILogger logger, int instances);
}
