namespace LlmOs.Engine.Espeak;

/// <summary>Which installed voice speaks a language pack's language.</summary>
public static class EspeakVoiceDefaults
{
    /// <summary>Where espeak-ng's voice for the bare language is not the one most users expect.</summary>
    private static readonly Dictionary<string, string> Preferred = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-us",
        ["zh"] = "cmn",
    };

    /// <summary>
    /// The voice for <paramref name="language"/> ("en" → "en-us", "es" → "es", "en-GB" → "en-gb"): the preferred one
    /// if installed, the language itself, its first regional voice, else <paramref name="fallback"/>.
    /// </summary>
    public static string ForLanguage(string? language, IReadOnlyList<string> voices, string fallback)
    {
        ArgumentNullException.ThrowIfNull(voices);
        if (string.IsNullOrWhiteSpace(language))
        {
            return fallback;
        }

        string code = language.Trim().Replace('_', '-').ToLowerInvariant();
        if (Preferred.TryGetValue(code, out string? preferred) && voices.Contains(preferred, StringComparer.OrdinalIgnoreCase))
        {
            return preferred;
        }

        string? exact = voices.FirstOrDefault(v => string.Equals(v, code, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        return voices.FirstOrDefault(v => v.StartsWith(code + "-", StringComparison.OrdinalIgnoreCase)) ?? fallback;
    }
}
