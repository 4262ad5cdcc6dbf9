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
        var visible = _registry.List(uid);

        // Root's (system-wide) handlers first, then the caller's own: a later entry wins a name in the catalog, and
        // IntentRegistry.Find, which dispatches, prefers the caller's own handler too.
        AddApps(intents, visible, owner => owner == 0 && uid != 0);
        AddApps(intents, visible, owner => owner == uid);

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

    private static void AddApps(List<CatalogIntent> intents, List<IntentRegistration> registrations, Func<uint, bool> owned)
    {
        foreach (var registration in registrations)
        {
            if (!owned(registration.OwnerUid))
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
    }
}
