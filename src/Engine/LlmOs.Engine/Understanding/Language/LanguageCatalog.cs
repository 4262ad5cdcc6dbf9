namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// The languages llmosd understands: the packs shipped beside the engine (<c>languages/&lt;code&gt;/</c>) and any
/// under the data directory's <c>languages/</c>, which add languages or add intents to a shipped one.
/// </summary>
public sealed class LanguageCatalog
{
    /// <summary>The language used when a request names none, or one that is not installed.</summary>
    public const string DefaultCode = "en";

    private readonly Dictionary<string, LanguagePack> _packs;

    public LanguageCatalog(IReadOnlyList<LanguagePack> packs)
    {
        _packs = packs.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        if (!_packs.ContainsKey(DefaultCode))
        {
            throw new ArgumentException($"the '{DefaultCode}' language pack is missing", nameof(packs));
        }
    }

    public IReadOnlyCollection<LanguagePack> Packs => _packs.Values;

    /// <summary>The pack for a code or a locale (<c>es</c>, <c>es_ES.UTF-8</c>, <c>en-GB</c>); the default for null or unknown.</summary>
    public LanguagePack For(string? codeOrLocale)
    {
        if (!string.IsNullOrEmpty(codeOrLocale))
        {
            string code = codeOrLocale.Split('_', '-', '.', '@')[0];
            if (_packs.TryGetValue(code, out var pack))
            {
                return pack;
            }
        }

        return _packs[DefaultCode];
    }

    /// <summary>Whether a pack for this code or locale is installed.</summary>
    public bool Has(string codeOrLocale) => _packs.ContainsKey(codeOrLocale.Split('_', '-', '.', '@')[0]);
}
