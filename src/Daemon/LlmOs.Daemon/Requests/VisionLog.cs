using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Requests;

/// <summary>The daemon's side of classification and text recognition (event ids 2600-2649).</summary>
internal static partial class VisionLog
{
    [LoggerMessage(2600, LogLevel.Debug, "Classified for uid {Uid} over {Transport} with {Model}: {Label} ({Probability:0.000})")]
    public static partial void Classified(ILogger logger, uint uid, string transport, string model, string label, double probability);

    [LoggerMessage(2601, LogLevel.Debug, "Read text for uid {Uid} over {Transport}: {Lines} line(s), confidence {Confidence:0}")]
    public static partial void Recognized(ILogger logger, uint uid, string transport, int lines, double confidence);

    [LoggerMessage(2602, LogLevel.Debug, "An image of {Bytes} bytes came through a file descriptor from {Sender}")]
    public static partial void ReadFromDescriptor(ILogger logger, int bytes, string sender);
}
