using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;

namespace LlmOs.Engine.Speech.Grammar;

/// <summary>Slots as sub-grammars, each rule written once per grammar.</summary>
public sealed partial class CommandGrammarBuilder
{
    private string? Slot(SlotNode slot, CatalogIntent intent)
    {
        string type = intent.Slots.GetValueOrDefault(slot.Name) ?? SlotTypes.Text;
        if (SlotTypes.ListName(type) is { Length: > 0 } list)
        {
            return ListRule(list);
        }

        return type switch
        {
            SlotTypes.WholeNumber or SlotTypes.Number => NumberRule(),
            SlotTypes.Duration => DurationRule(),
            SlotTypes.Percentage => PercentageRule(),
            SlotTypes.DateTime => DateTimeRule(),
            _ when slot.Requirement is not null => ExpressionRule(slot.Requirement), // free text that must be arithmetic
            _ => null, // free text: not in a closed grammar
        };
    }

    private string? ListRule(string name)
    {
        string rule = "list_" + new string([.. name.Where(char.IsLetterOrDigit)]);
        if (_rules.ContainsKey(rule))
        {
            return "<" + rule + ">";
        }

        var entries = (language.Lists.GetValueOrDefault(name) ?? lists.Find(name, language.Code) ?? []).Select(e => e.Spoken);
        return Define(rule, entries.Select(Phrase));
    }

    private string? NumberRule()
    {
        if (_rules.ContainsKey("number"))
        {
            return "<number>";
        }

        // 0 to 99 from the number words (a unit word may follow a ten: "twenty five"), and "(a|one) hundred".
        var words = language.Words.NumberWords;
        string? units = Define("digit", words.Where(w => w.Value is >= 1 and <= 9).Select(w => Word(w.Key)));
        string? teens = Define("teen", words.Where(w => w.Value is >= 10 and <= 19).Select(w => Word(w.Key)));
        string? tens = Define("tens", words.Where(w => w.Value is >= 20 and <= 90 && w.Value % 10 == 0).Select(w => Word(w.Key)));
        var forms = new List<string?> { units, teens, tens is null ? null : tens + (units is null ? "" : " [ " + units + " ]") };
        forms.AddRange(words.Where(w => w.Value == 0).Select(w => Word(w.Key)));
        foreach (var hundred in language.Words.Scales.Where(s => s.Value == 100).Select(s => Word(s.Key)).OfType<string>())
        {
            var before = Alternatives(language.Words.Articles.Concat(words.Where(w => w.Value == 1).Select(w => w.Key)).Select(Word));
            forms.Add(before is null ? hundred : "[ " + before + " ] " + hundred);
        }

        return Define("number", forms);
    }

    private string? DurationRule()
    {
        if (_rules.ContainsKey("duration"))
        {
            return "<duration>";
        }

        var w = language.Words;
        string? number = NumberRule();
        string? unit = Define("unit", w.DurationUnits.Keys.Where(k => k.Length > 3).Select(Word)); // not "s", "min", "hrs": written forms
        string? article = Alternatives(w.Articles.Select(Word));
        string? and = Alternatives(w.And.Select(Word));
        string? of = Alternatives(w.Of.Select(Word));
        string? half = Fraction(0.5);
        string? quarter = Fraction(0.25);
        if (number is null || unit is null)
        {
            return null;
        }

        string amount = article is null ? number : "( " + number + " | " + article + " )";
        var more = new List<string?> { and is null ? null : and + " " + number + " " + unit };
        if (and is not null && article is not null && half is not null)
        {
            more.Add(and + " " + article + " " + half);
        }

        string? tail = Alternatives(more);
        var forms = new List<string?> { amount + " " + unit + (tail is null ? "" : " [ " + tail + " ]") };
        if (half is not null && article is not null)
        {
            forms.Add(half + " " + article + " " + unit);
        }

        if (quarter is not null && article is not null && of is not null)
        {
            forms.Add(article + " " + quarter + " " + of + " " + article + " " + unit);
        }

        return Define("duration", forms);
    }

    private string? PercentageRule()
    {
        if (_rules.ContainsKey("percentage"))
        {
            return "<percentage>";
        }

        string? number = NumberRule();
        string? percent = Alternatives(language.Words.Percent.FirstWords.Where(p => language.Words.Percent.Match([p], 0) == 1).Select(Word));
        return number is null || percent is null ? null : Define("percentage", [number + " " + percent]);
    }

    private string? ExpressionRule(TemplateNode requirement)
    {
        if (_rules.ContainsKey("expression"))
        {
            return "<expression>";
        }

        // "twelve times seven", "a hundred divided by four": two numbers and an operator word of the requirement.
        var operators = new HashSet<string>(StringComparer.Ordinal);
        TemplateLiterals.Collect(requirement, operators);
        string? number = NumberRule();
        string? op = Alternatives(operators.Order(StringComparer.Ordinal).Select(Word));
        string? by = Word("by");
        return number is null || op is null ? null : Define("expression", [number + " " + op + (by is null ? "" : " [ " + by + " ]") + " " + number]);
    }

    private string? Fraction(double value) =>
        Alternatives(language.Words.Fractions.FirstWords
            .Where(f => language.Words.Fractions.Match([f], 0, out double v) == 1 && v == value).Select(Word));

    /// <summary>A spoken list entry of several words, or null when one of them cannot be said.</summary>
    private string? Phrase(string spoken)
    {
        var words = spoken.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word).ToList();
        return words.Count == 0 || words.Contains(null) ? null : string.Join(' ', words);
    }

    private static string? Alternatives(IEnumerable<string?> options)
    {
        var sayable = options.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return sayable.Count == 0 ? null : "( " + string.Join(" | ", sayable) + " )";
    }

    /// <summary>Writes rule <paramref name="name"/> with the sayable options and gives its reference (null when none is).</summary>
    private string? Define(string name, IEnumerable<string?> options)
    {
        var body = Alternatives(options);
        if (body is null)
        {
            return null;
        }

        _rules[name] = body;
        return "<" + name + ">";
    }
}
