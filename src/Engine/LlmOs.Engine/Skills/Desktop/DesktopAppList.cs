using System.Text;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary>The slot list <c>app</c> of a set of desktop entries, in one language.</summary>
internal static class DesktopAppList
{
    /// <summary>Names before generic names before id stems, so "files" names the app called Files before one whose id says it.</summary>
    public static List<ListEntry> Build(IEnumerable<DesktopEntry> apps, string language)
    {
        var ordered = apps.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var entries = new List<ListEntry>();
        var spokenSeen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? words, DesktopEntry app)
        {
            if (Spoken(words) is { Length: > 0 } spoken && spokenSeen.Add(spoken))
            {
                entries.Add(new ListEntry(spoken, app.Id, app.NameIn(language)));
            }
        }

        ordered.ForEach(app => Add(app.NameIn(language), app));
        ordered.ForEach(app => Add(app.Name, app));
        ordered.ForEach(app => Add(app.GenericNameIn(language), app));
        ordered.ForEach(app => Add(app.GenericName, app));
        ordered.ForEach(app => Add(Stem(app.Id), app));
        return entries;
    }

    /// <summary>A desktop id without its <c>.desktop</c>: "org.gnome.Terminal.desktop" → "org.gnome.Terminal".</summary>
    public static string WithoutSuffix(string id) => id.EndsWith(".desktop", StringComparison.Ordinal) ? id[..^".desktop".Length] : id;

    /// <summary>"org.gnome.Terminal.desktop" → "Terminal"; "firefox-esr.desktop" → "firefox-esr".</summary>
    private static string Stem(string id)
    {
        string stem = WithoutSuffix(id);
        int dot = stem.LastIndexOf('.');
        return dot >= 0 ? stem[(dot + 1)..] : stem;
    }

    /// <summary>Words as a person says them and the normaliser makes them: lower case, signs between words as spaces.</summary>
    private static string? Spoken(string? words)
    {
        if (words is null)
        {
            return null;
        }

        var text = new StringBuilder(words.Length);
        foreach (char c in words.ToLowerInvariant())
        {
            text.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
