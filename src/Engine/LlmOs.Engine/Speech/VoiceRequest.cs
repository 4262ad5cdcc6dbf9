using LlmOs.Engine.Scheduling;

namespace LlmOs.Engine.Speech;

/// <summary>
/// A spoken command to understand and act on: its audio, whole (<see cref="Clip"/>) or arriving as it is recorded
/// (<see cref="Feed"/>), exactly one of the two; the language (a pack code; null: the default), the caller's time zone,
/// and, when the reply is to be spoken too, how (<see cref="SpeakReply"/>).
/// </summary>
public sealed record VoiceRequest(uint CallerUid, string? Language, TimeZoneInfo TimeZone)
{
    public AudioClip? Clip { get; init; }

    public AudioFeed? Feed { get; init; }

    public SpeechOptions? SpeakReply { get; init; }

    public TaskPriority Priority { get; init; } = TaskPriority.Interactive;
}
