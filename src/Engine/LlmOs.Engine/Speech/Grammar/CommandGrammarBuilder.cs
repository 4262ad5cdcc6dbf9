using System.Security.Cryptography;
using System.Text;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Engine.Speech.Grammar;

/// <summary>
/// Turns a catalog's sentence templates (hassil style, parsed by <see cref="TemplateParser"/>) into one JSGF grammar:
/// words stay words, <c>(a|b)</c> and <c>[a]</c> become JSGF alternatives and optionals, typed slots become
/// sub-grammars generated from the language's number, duration and time words, list slots the spoken forms of their
/// entries, and an arithmetic slot (<c>{expression:(plus|...)}</c>) "number operator number". A part with a word the
/// pronunciation dictionary lacks is left out (the whole template when nothing is left), and so is a template with a
/// free-text slot: a closed grammar cannot hold free text, and those commands go to open transcription.
/// Intents that need an image are left out too: a voice command has none.
/// </summary>
public sealed partial class CommandGrammarBuilder(LanguagePack language, IListSource lists, Func<string, bool> canSay)
{
    /// <summary>The rule every sentence of the grammar starts from.</summary>
    public const string RootRule = "command";

    private readonly SortedDictionary<string, string> _rules = new(StringComparer.Ordinal);
    private readonly List<string> _included = [];

    /// <summary>The intents that have at least one sentence in the last grammar built.</summary>
    public IReadOnlyList<string> Included => _included;

    public CommandGrammar Build(IntentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _rules.Clear();
        _included.Clear();
        var alternatives = new List<string>();
        var (prefix, suffix) = SharedEnds(catalog);
        for (int i = 0; i < catalog.Intents.Count; i++)
        {
            var intent = catalog.Intents[i];
            if (intent.NeedsImage)
            {
                continue;
            }

            var sentences = new List<string>();
            foreach (string template in intent.Templates)
            {
                TemplateNode node;
                try
                {
                    node = TemplateParser.Parse(template);
                }
                catch (TemplateSyntaxException)
                {
                    continue; // an app's example that is not a valid template is no sentence of the grammar
                }

                if (Render(Trim(node, prefix, suffix), intent) is { Length: > 0 } sentence && !sentences.Contains(sentence))
                {
                    sentences.Add(sentence);
                }
            }

            if (sentences.Count > 0)
            {
                string rule = "intent" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _rules[rule] = string.Join(" | ", sentences.Select(s => "( " + s + " )"));
                alternatives.Add("<" + rule + ">");
                _included.Add(intent.Name);
            }
        }

        var jsgf = new StringBuilder();
        jsgf.Append("#JSGF V1.0;\n\ngrammar commands;\n\n");
        jsgf.Append("public <").Append(RootRule).Append("> = ")
            .Append(alternatives.Count == 0 ? "<VOID>" : Wrap(prefix, "<prefix> ") + "( " + string.Join(" | ", alternatives) + " )" + Wrap(suffix, " <suffix>"))
            .Append(";\n");
        if (prefix is not null && Render(prefix, Nobody) is { Length: > 0 } start)
        {
            _rules["prefix"] = start;
        }

        if (suffix is not null && Render(suffix, Nobody) is { Length: > 0 } end)
        {
            _rules["suffix"] = end;
        }

        foreach (var (name, body) in _rules)
        {
            jsgf.Append('<').Append(name).Append("> = ").Append(body).Append(";\n");
        }

        string text = jsgf.ToString();
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new CommandGrammar(language.Code, text, language.Code + "_" + hash);
    }

    /// <summary>The JSGF of a template part: null when it cannot be said, empty when it is empty.</summary>
    private string? Render(TemplateNode node, CatalogIntent intent)
    {
        switch (node)
        {
            case LiteralNode literal:
                return Word(literal.Word);
            case SequenceNode sequence:
                {
                    var parts = new List<string>(sequence.Items.Count);
                    foreach (var item in sequence.Items)
                    {
                        string? part = Render(item, intent);
                        if (part is null)
                        {
                            return null;
                        }

                        if (part.Length > 0)
                        {
                            parts.Add(part);
                        }
                    }

                    return string.Join(' ', parts);
                }

            case AlternativesNode alternatives:
                {
                    bool empty = false;
                    var options = new List<string>();
                    foreach (var option in alternatives.Options)
                    {
                        string? rendered = Render(option, intent);
                        if (rendered is { Length: 0 })
                        {
                            empty = true;
                        }
                        else if (rendered is not null && !options.Contains(rendered))
                        {
                            options.Add(rendered);
                        }
                    }

                    if (options.Count == 0)
                    {
                        return empty ? string.Empty : null;
                    }

                    string inner = string.Join(" | ", options);
                    return empty ? "[ " + inner + " ]" : "( " + inner + " )";
                }

            case SlotNode slot:
                return Slot(slot, intent);
            default:
                return null; // a rule the loader did not expand: not sayable
        }
    }

    /// <summary>The word as the dictionary spells it, or null when it has no pronunciation.</summary>
    private string? Word(string word)
    {
        string lower = word.ToLowerInvariant();
        return IsPlainWord(lower) && canSay(lower) ? lower : null;
    }

    private static bool IsPlainWord(string word)
    {
        foreach (char c in word)
        {
            if (!char.IsLetter(c) && c is not ('\'' or '.' or '-'))
            {
                return false; // digits, "%", ":" are written forms, never spoken words
            }
        }

        return word.Length > 0;
    }
}
