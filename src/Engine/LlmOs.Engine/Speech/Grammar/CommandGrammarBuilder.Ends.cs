using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Engine.Speech.Grammar;

/// <summary>
/// Hoists the optional beginning and end most templates share (the pack's <c>&lt;request&gt;</c> and <c>&lt;end&gt;</c>,
/// which the loader expanded into every template) into the root rule once. pocketsphinx expands every rule reference
/// into its finite-state grammar, so leaving them in each sentence made a 38 kB grammar that took a minute to load.
/// </summary>
public sealed partial class CommandGrammarBuilder
{
    private static readonly CatalogIntent Nobody = new("", IntentSource.Builtin, new Dictionary<string, string>(), [], []);

    private static (TemplateNode? Prefix, TemplateNode? Suffix) SharedEnds(IntentCatalog catalog)
    {
        var firsts = new Dictionary<string, (TemplateNode Node, int Count)>(StringComparer.Ordinal);
        var lasts = new Dictionary<string, (TemplateNode Node, int Count)>(StringComparer.Ordinal);
        int templates = 0;
        foreach (var intent in catalog.Intents)
        {
            foreach (string template in intent.Templates)
            {
                if (Parsed(template) is not SequenceNode { Items.Count: > 1 } sequence)
                {
                    continue;
                }

                templates++;
                Count(firsts, sequence.Items[0]);
                Count(lasts, sequence.Items[^1]);
            }
        }

        return (Most(firsts, templates), Most(lasts, templates));
    }

    /// <summary>The template without the hoisted beginning and end.</summary>
    private static TemplateNode Trim(TemplateNode node, TemplateNode? prefix, TemplateNode? suffix)
    {
        if (node is not SequenceNode { Items.Count: > 1 } sequence)
        {
            return node;
        }

        var items = sequence.Items.ToList();
        if (prefix is not null && Describe(items[0]) == Describe(prefix))
        {
            items.RemoveAt(0);
        }

        if (suffix is not null && items.Count > 1 && Describe(items[^1]) == Describe(suffix))
        {
            items.RemoveAt(items.Count - 1);
        }

        return new SequenceNode(items);
    }

    private static void Count(Dictionary<string, (TemplateNode Node, int Count)> counts, TemplateNode node)
    {
        if (!CanBeEmpty(node))
        {
            return; // only optional decoration may be hoisted: a required word stays in its sentence
        }

        string key = Describe(node);
        counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Node, seen.Count + 1) : (node, 1);
    }

    private static TemplateNode? Most(Dictionary<string, (TemplateNode Node, int Count)> counts, int templates)
    {
        var best = counts.Values.OrderByDescending(v => v.Count).FirstOrDefault();
        return best.Node is not null && best.Count >= Math.Max(3, templates / 4) ? best.Node : null;
    }

    private static bool CanBeEmpty(TemplateNode node) => node switch
    {
        SequenceNode sequence => sequence.Items.All(CanBeEmpty),
        AlternativesNode alternatives => alternatives.Options.Any(CanBeEmpty),
        _ => false,
    };

    /// <summary>A structural key of a node (records of lists compare by reference, so their text is compared).</summary>
    private static string Describe(TemplateNode node) => node switch
    {
        LiteralNode literal => literal.Word,
        SequenceNode sequence => "(" + string.Join(' ', sequence.Items.Select(Describe)) + ")",
        AlternativesNode alternatives => "[" + string.Join('|', alternatives.Options.Select(Describe)) + "]",
        SlotNode slot => "{" + slot.Name + "}",
        RuleNode rule => "<" + rule.Name + ">",
        _ => "?",
    };

    private static TemplateNode? Parsed(string template)
    {
        try
        {
            return TemplateParser.Parse(template);
        }
        catch (TemplateSyntaxException)
        {
            return null;
        }
    }

    private static string Wrap(TemplateNode? node, string text) => node is null ? "" : text;
}
