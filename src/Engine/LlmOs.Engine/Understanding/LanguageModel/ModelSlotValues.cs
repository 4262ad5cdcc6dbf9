using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.LanguageModel;

/// <summary>
/// The slot strings a language model wrote, made typed values as the templates' would be: each is normalised and
/// read by the slot parser of its type (the first position where one reads a value, its longest reading); one
/// that does not parse is dropped. Free text (and any type the parsers do not know) is kept as written.
/// </summary>
internal static class ModelSlotValues
{
    public static Dictionary<string, object> Read(CatalogIntent intent, IEnumerable<(string Name, string Value)> written, SlotContext context)
    {
        var slots = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, raw) in written)
        {
            string value = raw.Trim();
            if (value.Length > 0 && intent.Slots.TryGetValue(name, out var type) && Parse(type, value, context) is { } parsed)
            {
                slots[name] = parsed;
            }
        }

        return slots;
    }

    private static object? Parse(string type, string value, SlotContext context)
    {
        if (!IsParsed(type))
        {
            return value;
        }

        var tokens = context.Language.Normalize(value).Tokens;
        for (int start = 0; start < tokens.Count; start++)
        {
            foreach (var match in SlotParsers.Parse(type, tokens, start, context))
            {
                return match.Value;
            }
        }

        return null;
    }

    private static bool IsParsed(string type) =>
        type is SlotTypes.WholeNumber or SlotTypes.Number or SlotTypes.Duration or SlotTypes.DateTime or SlotTypes.Percentage
        || SlotTypes.ListName(type) is not null;
}
