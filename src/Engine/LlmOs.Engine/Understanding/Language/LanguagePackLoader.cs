using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// Loads the language packs: in each directory, every <c>&lt;code&gt;/</c> folder's <c>lists.yaml</c>,
/// <c>words.yaml</c>, <c>responses.yaml</c> and <c>intents.yaml</c> (each optional). Later directories add to the
/// languages earlier ones defined (intents, templates, examples, list entries, words) or replace keys (replies, a
/// word's value), or define new languages. The first directory is the shipped one: a problem there throws
/// <see cref="LanguagePackException"/>. A broken file in a later (user) directory is skipped with a warning, so a
/// typo in someone's file never stops the daemon.
/// </summary>
public static class LanguagePackLoader
{
    private static readonly string[] FileOrder = ["lists.yaml", "words.yaml", "responses.yaml", "intents.yaml"];

    /// <summary>The shipped packs, beside the engine's assembly.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "languages");

    /// <summary>Loads every <c>&lt;code&gt;/</c> folder of each directory in order (a missing directory is skipped).</summary>
    public static LanguageCatalog Load(IReadOnlyList<string> directories, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var languages = new Dictionary<string, LanguageDraft>(StringComparer.OrdinalIgnoreCase);
        for (int d = 0; d < directories.Count; d++)
        {
            if (!Directory.Exists(directories[d]))
            {
                continue;
            }

            foreach (string folder in Directory.GetDirectories(directories[d]).Order(StringComparer.Ordinal))
            {
                string code = Path.GetFileName(folder).ToLowerInvariant();
                if (!languages.TryGetValue(code, out var language))
                {
                    language = new LanguageDraft(code);
                }

                bool any = false;
                foreach (string name in FileOrder)
                {
                    string file = Path.Combine(folder, name);
                    if (File.Exists(file))
                    {
                        any |= ApplyFile(language, file, strict: d == 0, logger);
                    }
                }

                if (any)
                {
                    languages[code] = language;
                }
            }
        }

        var packs = languages.Values.Select(l => l.Build()).ToList();
        if (logger is not null)
        {
            foreach (var pack in packs)
            {
                LanguagePackLog.Loaded(logger, pack.Code, pack.Name, pack.Intents.Count, pack.Intents.Sum(i => i.Templates.Count), pack.Lists.Count);
            }
        }

        return new LanguageCatalog(packs);
    }

    /// <summary>Reads one file into its language; false when a user file was skipped.</summary>
    private static bool ApplyFile(LanguageDraft language, string file, bool strict, ILogger? logger)
    {
        try
        {
            var yaml = new YamlNodes(file);
            string text = File.ReadAllText(file);
            var root = yaml.Root(text);
            switch (Path.GetFileName(file))
            {
                case "lists.yaml":
                    language.ApplyLists(yaml, root);
                    break;
                case "words.yaml":
                    language.ApplyWords(file, text);
                    break;
                case "responses.yaml":
                    language.ApplyResponses(yaml, root);
                    break;
                default:
                    IntentsFile.Apply(language, yaml, root);
                    break;
            }

            return true;
        }
        catch (Exception e) when (!strict && e is LanguagePackException or IOException or UnauthorizedAccessException)
        {
            if (logger is not null)
            {
                LanguagePackLog.SkippedFile(logger, file, e.Message);
            }

            return false;
        }
    }
}
