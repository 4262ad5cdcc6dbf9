using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding;

/// <summary>
/// Everything a recogniser needs for one utterance: the words, the language they are in, the intents the caller
/// can reach (built-ins and the apps registered for that uid), and what slot parsers resolve against (the clock,
/// the caller's time zone, the lists).
/// </summary>
public sealed record RecognitionContext(
    Utterance Utterance,
    LanguagePack Language,
    IntentCatalog Catalog,
    SlotContext Slots,
    uint CallerUid)
{
    /// <summary>Whether an image came with the utterance; without one, intents that need it are left to the templates (<see cref="Catalog.CatalogIntent.NeedsImage"/>).</summary>
    public bool HasImage { get; init; }
}
