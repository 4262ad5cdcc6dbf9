namespace LlmOs.Engine.Skills.Desktop;

/// <summary>
/// One <c>.desktop</c> file's <c>[Desktop Entry]</c>, as far as naming an app goes: its desktop id (the file name,
/// <c>org.gnome.Terminal.desktop</c>), Name and GenericName with their translations by locale key (<c>es</c>,
/// <c>es_ES</c>), and whether it is an application shown in menus at all.
/// </summary>
public sealed record DesktopEntry(
    string Id,
    string Name,
    string? GenericName,
    IReadOnlyDictionary<string, string> LocalizedNames,
    IReadOnlyDictionary<string, string> LocalizedGenericNames,
    bool IsShownApplication)
{
    /// <summary>The name in a language (<c>es</c>): Name[es], else Name[es_*], else Name.</summary>
    public string NameIn(string language) => Localized(LocalizedNames, language) ?? Name;

    /// <summary>The generic name in a language, like <see cref="NameIn"/>; null when it has none.</summary>
    public string? GenericNameIn(string language) => Localized(LocalizedGenericNames, language) ?? GenericName;

    private static string? Localized(IReadOnlyDictionary<string, string> values, string language)
    {
        if (values.TryGetValue(language, out var exact))
        {
            return exact;
        }

        string prefix = language + "_";
        return values.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).FirstOrDefault();
    }
}
