using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Skills;

/// <summary>
/// One run of a skill: the intent with its slots and the caller's uid, the language to answer in, the caller's
/// clock and time zone (<see cref="SlotContext.Now"/>, <see cref="SlotContext.TimeZone"/>) and the caller's locale
/// (<c>en_GB.UTF-8</c>; null when not given). The daemon runs with invariant globalization, so month and day names
/// and time formats come from the language pack's data, and the locale only picks among them (12 or 24 hours).
/// </summary>
public sealed record SkillRequest(IntentInvocation Invocation, LanguagePack Language, SlotContext Context, string? Locale)
{
    /// <summary>The image the question came with (<see cref="Assistant.AskRequest.Image"/>); null when none did.</summary>
    public RgbImage? Image { get; init; }

    /// <summary>The ask's priority, which the work a skill queues for the caller (a classification, an OCR) takes too.</summary>
    public TaskPriority Priority { get; init; } = TaskPriority.Interactive;
}
