using LlmOs.Engine.Scheduling;

namespace LlmOs.Engine.Assistant;

/// <summary>
/// What a person asked: the utterance, the language it is in (a code or locale; null for the default), the
/// caller's time zone (times are said and answered in it) and the uid on whose behalf it runs.
/// </summary>
public sealed record AskRequest(uint CallerUid, string Utterance, string? Language, TimeZoneInfo TimeZone)
{
    public TaskPriority Priority { get; init; } = TaskPriority.Interactive;

    /// <summary>An image the question is about ("what is in this picture?"), decoded at the boundary; null when none came.</summary>
    public Vision.RgbImage? Image { get; init; }
}
