using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Espeak;

/// <summary>The espeak-ng synthesiser's log messages, with stable event ids (2820-2839).</summary>
internal static partial class EspeakLog
{
    [LoggerMessage(2820, LogLevel.Information, "espeak-ng initialised from {DataPath}: {Voices} voice(s), {Variants} variant(s), {SampleRate} Hz")]
    public static partial void Initialised(ILogger logger, string dataPath, int voices, int variants, int sampleRate);

    [LoggerMessage(2821, LogLevel.Warning, "espeak-ng is already initialised from {Active}; the data path {Requested} is ignored (one engine per process)")]
    public static partial void DataPathIgnored(ILogger logger, string active, string requested);

    [LoggerMessage(2822, LogLevel.Debug, "Synthesised {Characters} character(s) with voice '{Voice}' at {Rate} wpm: {Seconds:F2} s at {SampleRate} Hz")]
    public static partial void Synthesised(ILogger logger, int characters, string voice, int rate, double seconds, int sampleRate);

    [LoggerMessage(2823, LogLevel.Debug, "Synthesis of {Characters} character(s) cancelled after {Seconds:F2} s of speech")]
    public static partial void Cancelled(ILogger logger, int characters, double seconds);

    [LoggerMessage(2826, LogLevel.Trace, "Synthesising {Characters} character(s) with voice '{Voice}' at {Rate} wpm")]
    public static partial void Started(ILogger logger, int characters, string voice, int rate);

    [LoggerMessage(2824, LogLevel.Warning, "espeak-ng failed: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);

    [LoggerMessage(2825, LogLevel.Warning, "The default voice '{Voice}' is not installed; using '{Fallback}'")]
    public static partial void DefaultVoiceMissing(ILogger logger, string voice, string fallback);
}
