using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Engine.Tests.Templates;

/// <summary>Builds small language packs, catalogs and contexts for the template tests, and a tiny typed-slot parser.</summary>
internal static class TemplateTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static CatalogIntent Intent(string name, string slots, params string[] templates) =>
        new(name, IntentSource.Builtin, ParseSlots(slots), templates, []);

    public static Dictionary<string, string> ParseSlots(string slots) =>
        slots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split(':', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public static LanguagePack Pack(IReadOnlyList<CatalogIntent> intents, IReadOnlySet<string>? filler = null) => new()
    {
        Code = "en",
        Name = "English",
        Intents = intents,
        Lists = new Dictionary<string, IReadOnlyList<ListEntry>>
        {
            ["language"] = [new("french", "fr", "French"), new("german", "de", "German"), new("brazilian portuguese", "pt", "Portuguese")],
            ["direction"] = [new("up", "up", "up"), new("louder", "up", "up"), new("down", "down", "down")],
        },
        Responses = new Dictionary<string, string>(),
        Words = new LanguageWords { Filler = filler ?? new HashSet<string>(StringComparer.Ordinal) },
    };

    public static RecognitionContext Context(LanguagePack pack, string text, IntentCatalog? catalog = null) =>
        new(pack.Normalize(text), pack, catalog ?? new IntentCatalog(pack.Intents, 1), SlotContextFor(pack), 1000);

    public static SlotContext SlotContextFor(LanguagePack pack) => new(Now, TimeZoneInfo.Utc, pack, new FakeApps());

    /// <summary>Candidates from the real recogniser with <see cref="FakeParse"/> reading typed slots.</summary>
    public static IReadOnlyList<IntentCandidate> Recognize(LanguagePack pack, string text, IntentCatalog? catalog = null) =>
        new TemplateRecognizer(FakeParse).Recognize(Context(pack, text, catalog));

    /// <summary>
    /// A stand-in for the slot parsers (which live on another branch): durations "N minutes|seconds|hours",
    /// percentages "N%" or "N percent", datetimes "tomorrow at N", "at N" and "in N minutes".
    /// </summary>
    public static IEnumerable<SlotMatch> FakeParse(string type, IReadOnlyList<string> tokens, int start, SlotContext context)
    {
        string Token(int i) => start + i < tokens.Count ? tokens[start + i] : string.Empty;
        bool IsNumber(int i, out long value) => long.TryParse(Token(i).TrimEnd('%'), out value);
        switch (type)
        {
            case SlotTypes.Duration when IsNumber(0, out long n):
                long unit = Token(1) switch { "second" or "seconds" => 1, "minute" or "minutes" => 60, "hour" or "hours" => 3600, _ => 0 };
                if (unit > 0)
                {
                    yield return new SlotMatch(2, n * unit);
                }

                break;
            case SlotTypes.Percentage when Token(0).EndsWith('%') && IsNumber(0, out long p):
                yield return new SlotMatch(1, (double)p);
                break;
            case SlotTypes.Percentage when IsNumber(0, out long p) && Token(1) == "percent":
                yield return new SlotMatch(2, (double)p);
                break;
            case SlotTypes.DateTime when Token(0) == "tomorrow" && Token(1) == "at" && IsNumber(2, out long h):
                yield return new SlotMatch(3, $"2026-11-30T{h:00}:00:00+00:00");
                break;
            case SlotTypes.DateTime when Token(0) == "at" && IsNumber(1, out long h):
                yield return new SlotMatch(2, $"2026-11-29T{h:00}:00:00+00:00");
                break;
            case SlotTypes.DateTime when Token(0) == "in" && IsNumber(1, out long m) && Token(2) == "minutes":
                yield return new SlotMatch(3, Now.AddMinutes(m).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The test apps of the table, as DesktopApps would list them.</summary>
    private sealed class FakeApps : IListSource
    {
        private static readonly IReadOnlyList<ListEntry> Apps =
        [
            new("firefox", "firefox.desktop", "Firefox"),
            new("web browser", "firefox.desktop", "Firefox"),
            new("terminal", "org.gnome.Terminal.desktop", "Terminal"),
            new("files", "org.gnome.Nautilus.desktop", "Files"),
            new("file manager", "org.gnome.Nautilus.desktop", "Files"),
            new("text editor", "org.gnome.TextEditor.desktop", "Text Editor"),
            new("calculator", "org.gnome.Calculator.desktop", "Calculator"),
            new("settings", "org.gnome.Settings.desktop", "Settings"),
            new("libreoffice writer", "libreoffice-writer.desktop", "LibreOffice Writer"),
            new("thunderbird", "thunderbird.desktop", "Thunderbird"),
            new("vlc media player", "vlc.desktop", "VLC media player"),
        ];

        public IReadOnlyList<ListEntry>? Find(string name, string language) => name == "app" ? Apps : null;
    }
}
