using LlmOs.Engine.Intents;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Catalog;

/// <summary>
/// Builds and caches the catalog of each (uid, language): the language's built-ins, then the intents apps
/// registered for that uid or for root. The cache is dropped whenever a registration comes or goes.
/// </summary>
public sealed class IntentCatalogs
{
    private readonly IntentRegistry _registry;
    private readonly Lock _gate = new();
    private readonly Dictionary<(uint Uid, string Language), IntentCatalog> _cache = [];
    private long _version;

    public IntentCatalogs(IntentRegistry registry)
    {
        _registry = registry;
        registry.Changed += Invalidate;
    }

    public IntentCatalog For(uint uid, LanguagePack language)
    {
        long version;
        lock (_gate)
        {
            if (_cache.TryGetValue((uid, language.Code), out var cached))
            {
                return cached;
            }

            version = _version;
        }

        var intents = new List<CatalogIntent>(language.Intents);
        foreach (var registration in _registry.List(uid))
        {
            if (registration.OwnerUid != uid && registration.OwnerUid != 0)
            {
                continue; // root sees every registration in listings, but only its own handle its utterances
            }

            foreach (var definition in registration.Intents)
            {
                intents.Add(new CatalogIntent(definition.Name, IntentSource.App, definition.Slots, definition.Examples, definition.Examples, definition.Description)
                {
                    Registration = registration,
                });
            }
        }

        var catalog = new IntentCatalog(intents, version);
        lock (_gate)
        {
            if (_version == version)
            {
                _cache[(uid, language.Code)] = catalog; // else a registration changed meanwhile: use it once, cache the next
            }
        }

        return catalog;
    }

    private void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _cache.Clear();
        }
    }
}
