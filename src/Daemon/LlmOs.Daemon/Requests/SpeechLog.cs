using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Requests;

/// <summary>The daemon's side of transcription, voice tasks and speech (event ids 2910-2939).</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(2910, LogLevel.Debug, "Transcribed for uid {Uid} over {Transport} with {Engine}: {Segments} segment(s) of {Seconds:0.00} s of audio")]
    public static partial void Transcribed(ILogger logger, uint uid, string transport, string engine, int segments, double seconds);

    [LoggerMessage(2911, LogLevel.Debug, "Spoke for uid {Uid} over {Transport}: {Characters} character(s) as {Seconds:0.00} s of speech")]
    public static partial void Spoke(ILogger logger, uint uid, string transport, int characters, double seconds);

    [LoggerMessage(2912, LogLevel.Debug, "Heard uid {Uid} over {Transport} with {Engine}: intent {Intent}")]
    public static partial void Heard(ILogger logger, uint uid, string transport, string engine, string intent);

    [LoggerMessage(2913, LogLevel.Debug, "Streamed audio ended for {Transport} after {Bytes} bytes: {Why}")]
    public static partial void StreamEnded(ILogger logger, string transport, long bytes, string why);

    [LoggerMessage(2914, LogLevel.Debug, "Audio of {Bytes} bytes came through a file descriptor from {Sender}")]
    public static partial void ReadFromDescriptor(ILogger logger, int bytes, string sender);
}
