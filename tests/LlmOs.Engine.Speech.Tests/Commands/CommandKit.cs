using LlmOs.Engine.Intents;
using LlmOs.Engine.Pocketsphinx;
using LlmOs.Engine.Speech.Grammar;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>
/// The real shipped English pack, its catalogs, the real pocketsphinx recogniser and the real template recogniser,
/// shared by the command tests of one class (decoders take a moment to load).
/// </summary>
public sealed class CommandKit : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public CommandKit()
    {
        Language = LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory], NullLogger.Instance).For("en");
        Registry = new IntentRegistry();
        Catalogs = new IntentCatalogs(Registry);
        Recognizer = new PocketsphinxRecognizer(new PocketsphinxOptions(), NullLogger<PocketsphinxRecognizer>.Instance);
        Grammars = new CommandGrammars(Catalogs, Apps, Recognizer);
    }

    public static TestApps Apps { get; } = new();

    public LanguagePack Language { get; }

    public IntentRegistry Registry { get; }

    public IntentCatalogs Catalogs { get; }

    public PocketsphinxRecognizer Recognizer { get; }

    public CommandGrammars Grammars { get; }

    public CommandGrammar Grammar => Grammars.GrammarFor(1000, Language);

    /// <summary>The best template match of <paramref name="text"/>, as the ask pipeline's first stage finds it.</summary>
    public IntentCandidate? Understand(string text)
    {
        var context = new RecognitionContext(Language.Normalize(text), Language, Catalogs.For(1000, Language), new SlotContext(Now, TimeZoneInfo.Utc, Language, Apps), 1000);
        var candidates = new TemplateRecognizer().Recognize(context);
        return candidates.Count > 0 && candidates[0].Confidence >= 0.8 ? candidates[0] : null;
    }

    public void Dispose() => Recognizer.Dispose();

    /// <summary>Installed apps as DesktopApps would list them.</summary>
    public sealed class TestApps : IListSource
    {
        private static readonly IReadOnlyList<ListEntry> Entries =
        [
            new("firefox", "firefox.desktop", "Firefox"),
            new("web browser", "firefox.desktop", "Firefox"),
            new("terminal", "org.gnome.Terminal.desktop", "Terminal"),
            new("file manager", "org.gnome.Nautilus.desktop", "Files"),
            new("text editor", "org.gnome.TextEditor.desktop", "Text Editor"),
            new("calculator", "org.gnome.Calculator.desktop", "Calculator"),
            new("settings", "org.gnome.Settings.desktop", "Settings"),
            new("thunderbird", "thunderbird.desktop", "Thunderbird"),
        ];

        public IReadOnlyList<ListEntry>? Find(string name, string language) => name == "app" ? Entries : null;
    }
}
