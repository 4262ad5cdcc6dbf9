using System.Runtime.CompilerServices;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Fills an intent's slots from an utterance no template matched (the semantic stage chose the intent). Typed slots
/// first: the first position, left to right, where the slot's parser reads a value (its longest reading there). Then
/// list slots: the longest entry named anywhere in the words still free. Then free text: the words still free are
/// cut into runs between the values already taken; each run loses the words at its edges that are literal words of
/// the intent's own templates ("remind me to … " → the rest); the longest run left is the text, as typed. A slot
/// nothing fills is left out.
/// </summary>
public static class SlotExtractor
{
    private static readonly ConditionalWeakTable<CatalogIntent, HashSet<string>> TemplateWords = new();

    public static IReadOnlyDictionary<string, object> Extract(CatalogIntent intent, Utterance utterance, SlotContext context) =>
        Extract(intent, utterance, context, SlotParsers.Parse);

    internal static IReadOnlyDictionary<string, object> Extract(CatalogIntent intent, Utterance utterance, SlotContext context, TypedSlotParser parser)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(context);
        var tokens = utterance.Tokens;
        var used = new bool[tokens.Count];
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, type) in intent.Slots.Where(s => TemplateCompiler.IsTyped(s.Value)))
        {
            if (FirstTyped(type, tokens, used, context, parser) is { } found)
            {
                Take(used, found.Position, found.Match.Length);
                values[name] = found.Match.Value;
            }
        }

        foreach (var (name, type) in intent.Slots.Where(s => SlotTypes.ListName(s.Value) is not null))
        {
            if (LongestListEntry(context.List(SlotTypes.ListName(type)!), context, tokens, used) is { } found)
            {
                Take(used, found.Position, found.Reading.Length);
                values[name] = found.Reading.Value;
            }
        }

        var literals = TemplateWords.GetValue(intent, Literals);
        foreach (var (name, _) in intent.Slots.Where(s => !TemplateCompiler.IsTyped(s.Value) && SlotTypes.ListName(s.Value) is null))
        {
            if (LongestFreeRun(tokens, used, literals) is { } run)
            {
                Take(used, run.Start, run.Length);
                values[name] = OriginalWords.Slice(utterance.Text, OriginalWords.Align(utterance.Text, tokens), tokens, run.Start, run.Length);
            }
        }

        return values;
    }

    private static (int Position, SlotMatch Match)? FirstTyped(string type, IReadOnlyList<string> tokens, bool[] used, SlotContext context, TypedSlotParser parser)
    {
        for (int p = 0; p < tokens.Count; p++)
        {
            if (used[p])
            {
                continue;
            }

            foreach (var match in parser(type, tokens, p, context))
            {
                if (match.Length > 0 && IsFree(used, p, match.Length))
                {
                    return (p, match);
                }
            }
        }

        return null;
    }

    private static (int Position, SlotReading Reading)? LongestListEntry(IReadOnlyList<ListEntry> entries, SlotContext context, IReadOnlyList<string> tokens, bool[] used)
    {
        (int Position, SlotReading Reading)? best = null;
        for (int p = 0; p < tokens.Count; p++)
        {
            foreach (var reading in ListReadings.At(entries, context.Language, tokens, p))
            {
                if (IsFree(used, p, reading.Length)
                    && (best is null || reading.Length > best.Value.Reading.Length
                        || (reading.Length == best.Value.Reading.Length && reading.Penalty < best.Value.Reading.Penalty)))
                {
                    best = (p, reading);
                }
            }
        }

        return best;
    }

    private static (int Start, int Length)? LongestFreeRun(IReadOnlyList<string> tokens, bool[] used, HashSet<string> literals)
    {
        (int Start, int Length)? best = null;
        int p = 0;
        while (p < tokens.Count)
        {
            if (used[p])
            {
                p++;
                continue;
            }

            int start = p;
            while (p < tokens.Count && !used[p])
            {
                p++;
            }

            int end = p;
            while (start < end && literals.Contains(tokens[start]))
            {
                start++;
            }

            while (end > start && literals.Contains(tokens[end - 1]))
            {
                end--;
            }

            if (end > start && (best is null || end - start > best.Value.Length))
            {
                best = (start, end - start);
            }
        }

        return best;
    }

    private static bool IsFree(bool[] used, int start, int length)
    {
        for (int i = start; i < start + length; i++)
        {
            if (used[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Take(bool[] used, int start, int length) => Array.Fill(used, true, start, length);

    /// <summary>The literal words of every template of the intent (templates that do not parse are passed over).</summary>
    private static HashSet<string> Literals(CatalogIntent intent)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string template in intent.Templates)
        {
            try
            {
                TemplateLiterals.Collect(TemplateParser.Parse(template), words);
            }
            catch (TemplateSyntaxException)
            {
                // an app's example that is not valid syntax (or names an unknown rule): its words are not literals worth trimming
            }
        }

        return words;
    }
}
