using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>PLACEHOLDER (issue 5, templates helper): fills an intent's slots from an utterance no template matched, with the slot parsers.</summary>
public static class SlotExtractor
{
    public static IReadOnlyDictionary<string, object> Extract(CatalogIntent intent, Utterance utterance, SlotContext context) =>
        new Dictionary<string, object>();
}
