namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Parses hassil-style sentence templates: words, <c>[optional]</c>, <c>(a|b|c)</c> (nestable), <c>{slot}</c>,
/// <c>&lt;rule&gt;</c>. Punctuation between words is ignored and words are lower-cased and trimmed the way
/// <see cref="Language.TextNormalizer"/> treats an utterance, so a plain sentence is a valid template.
/// Hand-written: a recursive-descent parser of this size is shorter than wiring a parser generator, and no
/// NuGet package parses hassil's syntax.
/// </summary>
public sealed partial class TemplateParser
{
    private readonly string _text;
    private int _at;

    private TemplateParser(string text) => _text = text;

    /// <summary>The template's syntax tree; throws <see cref="TemplateSyntaxException"/> naming the column.</summary>
    public static TemplateNode Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parser = new TemplateParser(template);
        var node = parser.ParseAlternatives(closer: null);
        if (parser._at < template.Length)
        {
            throw parser.Error($"unexpected '{template[parser._at]}'");
        }

        return node;
    }

    /// <summary>Whether a character belongs to a word (as the normaliser keeps it).</summary>
    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '%' or '.' or ':';

    private TemplateNode ParseAlternatives(char? closer)
    {
        var options = new List<TemplateNode> { ParseSequence(closer) };
        while (_at < _text.Length && _text[_at] == '|')
        {
            _at++;
            options.Add(ParseSequence(closer));
        }

        return options.Count == 1 ? options[0] : new AlternativesNode(options);
    }

    private SequenceNode ParseSequence(char? closer)
    {
        var items = new List<TemplateNode>();
        while (_at < _text.Length)
        {
            char c = _text[_at];
            if (c == '|' || c == closer)
            {
                break;
            }

            switch (c)
            {
                case '[':
                    items.Add(ParseGroup(']', optional: true));
                    break;
                case '(':
                    items.Add(ParseGroup(')', optional: false));
                    break;
                case '{':
                    items.Add(ParseSlot());
                    break;
                case '<':
                    items.Add(new RuleNode(ParseName('<', '>')));
                    break;
                case ']' or ')' or '}' or '>':
                    throw Error($"unbalanced '{c}'");
                default:
                    if (IsWordChar(c))
                    {
                        ParseWord(items);
                    }
                    else
                    {
                        _at++; // punctuation and spaces separate words and are otherwise ignored
                    }

                    break;
            }
        }

        return new SequenceNode(items);
    }

    private AlternativesNode ParseGroup(char closer, bool optional)
    {
        int opened = _at++;
        var inner = ParseAlternatives(closer);
        if (_at >= _text.Length || _text[_at] != closer)
        {
            _at = opened;
            throw Error($"'{_text[opened]}' is not closed");
        }

        _at++;
        var options = inner is AlternativesNode alternatives ? [.. alternatives.Options] : new List<TemplateNode> { inner };
        if (optional)
        {
            options.Add(new SequenceNode([]));
        }

        return new AlternativesNode(options, optional);
    }
}
