using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>Minimal language packs for the wire's checks, which only ask which languages are installed.</summary>
internal static class Packs
{
    public static LanguageCatalog EnglishAndSpanish { get; } = new([Pack("en", "English"), Pack("es", "Español")]);

    private static LanguagePack Pack(string code, string name) => new()
    {
        Code = code,
        Name = name,
        Intents = [],
        Lists = new Dictionary<string, IReadOnlyList<ListEntry>>(),
        Responses = new Dictionary<string, string>(),
        Words = new LanguageWords(),
    };
}
