using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Tests.Slots;

/// <summary>The shipped English and Spanish words (from the build output's <c>languages/</c>), and slot contexts over them.</summary>
internal static class SlotLanguages
{
    public static readonly DateTimeOffset SundayAfternoon = new(2026, 11, 29, 14, 10, 0, TimeSpan.Zero);

    private static readonly Lazy<LanguagePack> En = new(() => Pack("en"));
    private static readonly Lazy<LanguagePack> Es = new(() => Pack("es"));

    public static LanguagePack For(string code) => code == "es" ? Es.Value : En.Value;

    public static LanguageWords Words(string code) => LanguageWords.FromYaml(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "languages", code, "words.yaml")));

    public static SlotContext Context(string code = "en", DateTimeOffset? now = null, string zone = "UTC", IListSource? lists = null) =>
        new(now ?? SundayAfternoon, TimeZoneInfo.FindSystemTimeZoneById(zone), For(code), lists ?? new NoLists());

    /// <summary>Every reading of <paramref name="type"/> at the start of <paramref name="text"/>, longest first.</summary>
    public static List<SlotMatch> Parse(string type, string text, SlotContext context)
    {
        var tokens = context.Language.Normalize(text).Tokens;
        return [.. SlotParsers.Parse(type, tokens, 0, context)];
    }

    /// <summary>The value read from all of <paramref name="text"/>, or null when no reading spans it all.</summary>
    public static object? Whole(string type, string text, SlotContext context)
    {
        var tokens = context.Language.Normalize(text).Tokens;
        var readings = SlotParsers.Parse(type, tokens, 0, context).ToList();
        return readings.Count > 0 && readings[0].Length == tokens.Count ? readings[0].Value : null;
    }

    private static LanguagePack Pack(string code) => new()
    {
        Code = code,
        Name = code,
        Intents = [],
        Lists = new Dictionary<string, IReadOnlyList<ListEntry>>
        {
            ["language"] = [new("french", "fr", "French"), new("spanish", "es", "Spanish"), new("brazilian portuguese", "pt-BR", "Brazilian Portuguese"), new("portuguese", "pt", "Portuguese")],
            ["direction"] = [new("up", "up", "up"), new("louder", "up", "up"), new("down", "down", "down")],
        },
        Responses = new Dictionary<string, string>(),
        Words = Words(code),
    };

    private sealed class NoLists : IListSource
    {
        public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
    }
}
