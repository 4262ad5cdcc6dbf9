using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// What slot values are resolved against: the moment of the request, the caller's time zone (so "at 5 pm" is the
/// caller's 5 pm), the language, and the machine's lists.
/// </summary>
public sealed record SlotContext(DateTimeOffset Now, TimeZoneInfo TimeZone, LanguagePack Language, IListSource Lists)
{
    /// <summary>The entries of list <paramref name="name"/>: the language's own, else the machine's; empty when neither has it.</summary>
    public IReadOnlyList<ListEntry> List(string name) =>
        Language.Lists.TryGetValue(name, out var entries) ? entries : Lists.Find(name, Language.Code) ?? [];
}
