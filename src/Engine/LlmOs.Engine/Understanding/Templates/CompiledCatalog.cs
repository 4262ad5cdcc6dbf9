using System.Runtime.CompilerServices;
using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Every template of an <see cref="IntentCatalog"/>, compiled once per catalog instance (catalogs are immutable and
/// rebuilt when app registrations change), with one vocabulary of their literal words.
/// </summary>
internal sealed class CompiledCatalog
{
    private static readonly ConditionalWeakTable<IntentCatalog, CompiledCatalog> Cache = new();

    private CompiledCatalog(TemplateVocabulary vocabulary, int slotTypes, CompiledTemplate[] templates)
    {
        Vocabulary = vocabulary;
        SlotTypes = slotTypes;
        Templates = templates;
    }

    public TemplateVocabulary Vocabulary { get; }

    /// <summary>How many distinct slot types the templates use (numbered 0 to this).</summary>
    public int SlotTypes { get; }

    public CompiledTemplate[] Templates { get; }

    /// <summary>The compiled form of a catalog, built on first use; <paramref name="filler"/> is its language's filler words.</summary>
    public static CompiledCatalog For(IntentCatalog catalog, IReadOnlySet<string> filler) =>
        Cache.GetValue(catalog, c => Build(c.Intents, filler));

    public static CompiledCatalog Build(IReadOnlyList<CatalogIntent> intents, IReadOnlySet<string> filler)
    {
        var vocabulary = new TemplateVocabulary();
        var slotTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        var templates = new List<CompiledTemplate>();
        foreach (var intent in intents)
        {
            foreach (string text in intent.Templates)
            {
                if (Parse(text, intent.Source) is { } root)
                {
                    try
                    {
                        templates.Add(TemplateCompiler.Compile(text, root, intent, vocabulary, slotTypes, filler));
                    }
                    catch (TemplateSyntaxException)
                    {
                        // a rule the template names is not defined (the loader expands the language's rules): unusable
                    }
                }
            }
        }

        vocabulary.Freeze();
        return new CompiledCatalog(vocabulary, slotTypes.Count, [.. templates]);
    }

    /// <summary>
    /// The template's tree. The loader has validated built-in templates; an app's example that is not valid syntax
    /// ("what's [new") is taken as the plain sentence it most likely is.
    /// </summary>
    private static TemplateNode? Parse(string text, IntentSource source)
    {
        try
        {
            return TemplateParser.Parse(text);
        }
        catch (TemplateSyntaxException) when (source == IntentSource.App)
        {
            string plain = new([.. text.Select(c => c is '[' or ']' or '(' or ')' or '{' or '}' or '<' or '>' or '|' ? ' ' : c)]);
            return TemplateParser.Parse(plain);
        }
        catch (TemplateSyntaxException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the template can match at all: the utterance has (nearly) a word of each group the template requires, and a
    /// match can start in the first few tokens. Most templates fail here, before any matching.
    /// </summary>
    public static bool MayMatch(CompiledTemplate template, MatchInput input)
    {
        foreach (int[] group in template.RequiredWords)
        {
            if (!Array.Exists(group, input.Contains))
            {
                return false;
            }
        }

        if (template.StartsAnywhere)
        {
            return true;
        }

        int reach = Math.Min(TemplateScoring.MaxSkips, input.Tokens.Count - 1);
        foreach (int word in template.FirstWords)
        {
            for (int p = 0; p <= reach; p++)
            {
                if (input.WordPenalty(p, word) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
