using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using YamlDotNet.Serialization;

namespace LlmOs.Engine.Tests.Skills;

/// <summary>
/// The shipped English and Spanish packs as far as the skills need them: their replies and formats read from the
/// real <c>languages/&lt;code&gt;/responses.yaml</c> beside the tests, and a language list for translations.
/// </summary>
internal static class SkillLanguages
{
    public static readonly LanguagePack English = Load("en", "English", [new("french", "fr", "French"), new("german", "de", "German")]);

    public static readonly LanguagePack Spanish = Load("es", "Español", [new("francés", "fr", "francés"), new("inglés", "en", "inglés")]);

    private static LanguagePack Load(string code, string name, IReadOnlyList<ListEntry> languages)
    {
        string file = Path.Combine(AppContext.BaseDirectory, "languages", code, "responses.yaml");
        var responses = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(File.ReadAllText(file));
        return new LanguagePack
        {
            Code = code,
            Name = name,
            Intents = [],
            Lists = new Dictionary<string, IReadOnlyList<ListEntry>> { ["language"] = languages },
            Responses = responses,
            Words = new LanguageWords(),
        };
    }
}
