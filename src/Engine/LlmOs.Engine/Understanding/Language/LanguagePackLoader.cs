using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>PLACEHOLDER (issue 5, templates helper): loads the language packs from YAML under the given directories.</summary>
public static class LanguagePackLoader
{
    /// <summary>The shipped packs, beside the engine's assembly.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "languages");

    /// <summary>
    /// Loads every <c>&lt;code&gt;/</c> folder of each directory in order; a later directory adds intents, lists,
    /// words and replies to a language an earlier one defined, or defines a new language.
    /// </summary>
    public static LanguageCatalog Load(IReadOnlyList<string> directories) =>
        new([new LanguagePack
        {
            Code = "en",
            Name = "English",
            Intents = [],
            Lists = new Dictionary<string, IReadOnlyList<ListEntry>>(),
            Responses = new Dictionary<string, string>(),
            Words = new LanguageWords(),
        }]);
}
