using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Skills.Clock;

/// <summary>
/// Picks a language's format data for a caller's locale: a key with the locale's region appended
/// (<c>format.clock.GB</c> for <c>en_GB.UTF-8</c>) overrides the plain key. The daemon has no ICU cultures
/// (invariant globalization), so this data is all it knows of locales.
/// </summary>
internal static class LocaleFormats
{
    /// <summary>The region of a locale (<c>GB</c> of <c>en_GB.UTF-8@euro</c> or <c>en-GB</c>); null when it names none.</summary>
    public static string? Region(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return null;
        }

        string[] parts = locale.Split('.', '@')[0].Split('_', '-');
        return parts.Length > 1 && parts[1].Length > 0 ? parts[1].ToUpperInvariant() : null;
    }

    /// <summary>The value of <paramref name="key"/> for the locale's region, else the plain key, else <paramref name="fallback"/>.</summary>
    public static string Pick(LanguagePack language, string key, string? locale, string fallback)
    {
        if (Region(locale) is { } region && language.Responses.TryGetValue(key + "." + region, out var regional))
        {
            return regional;
        }

        return language.Responses.TryGetValue(key, out var plain) ? plain : fallback;
    }

    /// <summary>Fills <c>{name}</c> placeholders of a format.</summary>
    public static string Fill(string format, params ReadOnlySpan<(string Name, string Value)> values)
    {
        foreach (var (name, value) in values)
        {
            format = format.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return format;
    }

    /// <summary>Items joined as a list is said: "a, b and c".</summary>
    public static string JoinList(LanguagePack language, IReadOnlyList<string> items)
    {
        if (items.Count <= 1)
        {
            return items.Count == 1 ? items[0] : "";
        }

        string separator = Pick(language, "format.list_separator", null, ", ");
        string last = Pick(language, "format.list_last", null, " and ");
        return string.Join(separator, items.Take(items.Count - 1)) + last + items[^1];
    }

    /// <summary>
    /// A reply whose last placeholder ended in a full stop of its own ("p. m.") before the sentence's: one stop, not two.
    /// </summary>
    public static string Tidy(string sentence) =>
        sentence.EndsWith("..", StringComparison.Ordinal) && !sentence.EndsWith("...", StringComparison.Ordinal) ? sentence[..^1] : sentence;
}
