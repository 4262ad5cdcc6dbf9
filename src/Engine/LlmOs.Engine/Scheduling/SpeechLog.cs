using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>The log messages of the transcription and speech synthesis workers, with stable event ids (2880-2889).</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(2880, LogLevel.Information, "Speech model {Model} loaded in {Milliseconds:F0} ms ({Mib} MiB)")]
    public static partial void ModelLoaded(ILogger logger, string model, double milliseconds, long mib);

    [LoggerMessage(2881, LogLevel.Error, "Speech model {Model} failed to load")]
    public static partial void ModelLoadFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(2882, LogLevel.Error, "Transcribe task {TaskId} on model {Model} failed")]
    public static partial void TranscribeFailed(ILogger logger, Exception exception, string taskId, string model);

    [LoggerMessage(2883, LogLevel.Debug, "Transcribed {Seconds:F1} s of audio on {Model} into {Segments} segment(s) in {Milliseconds:F0} ms")]
    public static partial void Transcribed(ILogger logger, double seconds, string model, int segments, double milliseconds);

    [LoggerMessage(2884, LogLevel.Error, "Speak task {TaskId} failed")]
    public static partial void SpeakFailed(ILogger logger, Exception exception, string taskId);

    [LoggerMessage(2885, LogLevel.Debug, "Spoke {Characters} character(s) as {Seconds:F1} s of audio in {Milliseconds:F0} ms")]
    public static partial void Spoke(ILogger logger, int characters, double seconds, double milliseconds);
}
