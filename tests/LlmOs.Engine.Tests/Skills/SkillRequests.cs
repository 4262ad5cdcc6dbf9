using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Tests.Skills;

/// <summary>Builds skill requests: an intent with slots, for a caller in a fixed zone, at a fixed moment.</summary>
internal static class SkillRequests
{
    public const uint Uid = 1000;

    /// <summary>Sunday 29 November 2026, 15:05 in the caller's zone (UTC+1).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 15, 5, 0, TimeSpan.FromHours(1));

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Test+1", TimeSpan.FromHours(1), "Test+1", "Test+1");

    public static SkillRequest For(
        string intent,
        Dictionary<string, object>? slots = null,
        LanguagePack? language = null,
        string? locale = null,
        DateTimeOffset? now = null,
        uint uid = Uid,
        string utterance = "",
        IListSource? lists = null)
    {
        language ??= SkillLanguages.English;
        var context = new SlotContext(now ?? Now, Zone, language, lists ?? new NoLists());
        return new SkillRequest(new IntentInvocation(intent, slots ?? [], utterance, uid), language, context, locale);
    }

    public static async Task<IntentReply> RunAsync(ISkill skill, SkillRequest request) =>
        await skill.RunAsync(request, CancellationToken.None);

    private sealed class NoLists : IListSource
    {
        public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
    }
}
