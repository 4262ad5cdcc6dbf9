using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Audio;

/// <summary>The refusals of audio input, each with its kind and a message that says what was wrong.</summary>
internal static class AudioRefusals
{
    public static EngineException Unsupported(string message) => new(ErrorKind.UnsupportedMedia, message, "audio");

    public static EngineException Truncated(string what) =>
        new(ErrorKind.UnsupportedMedia, $"the audio is truncated: {what}", "audio");

    public static EngineException TooManyBytes(long length, long limit) =>
        new(ErrorKind.TooLarge, $"the audio is {length} bytes; at most {limit} are accepted", "audio");

    public static EngineException TooLong(TimeSpan duration, TimeSpan limit) =>
        new(ErrorKind.TooLarge, $"the audio lasts {Describe(duration)}; at most {Describe(limit)} is accepted", "audio");

    /// <summary>Fails when <paramref name="frames"/> at <paramref name="sampleRate"/> last longer than the limit.</summary>
    public static void CheckDuration(double frames, int sampleRate, TimeSpan limit)
    {
        double seconds = frames / sampleRate;
        if (seconds > limit.TotalSeconds)
        {
            throw TooLong(TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2)), limit);
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";
}
