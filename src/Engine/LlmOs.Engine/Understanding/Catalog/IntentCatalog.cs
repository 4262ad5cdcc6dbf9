namespace LlmOs.Engine.Understanding.Catalog;

/// <summary>
/// The intents one caller can reach in one language: the built-ins of the language pack and the intents apps
/// registered for that uid (or for root). Immutable; a new one is built when registrations change, so recognisers
/// may cache what they compile from it by the instance (a <c>ConditionalWeakTable</c>).
/// </summary>
public sealed class IntentCatalog
{
    private readonly Dictionary<string, CatalogIntent> _byName;

    public IntentCatalog(IReadOnlyList<CatalogIntent> intents, long version)
    {
        Intents = intents;
        Version = version;
        _byName = new Dictionary<string, CatalogIntent>(StringComparer.Ordinal);
        foreach (var intent in intents)
        {
            _byName[intent.Name] = intent; // apps come after built-ins, so an app's intent of the same name wins the lookup
        }
    }

    public IReadOnlyList<CatalogIntent> Intents { get; }

    /// <summary>Changes whenever the set of intents does (a registration came or went).</summary>
    public long Version { get; }

    public CatalogIntent? Find(string name) => _byName.GetValueOrDefault(name);
}
