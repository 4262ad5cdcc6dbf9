using System.Text;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Parses hassil-style sentence templates: words, <c>[optional]</c>, <c>(a|b|c)</c> (nestable), <c>{slot}</c>,
/// <c>&lt;rule&gt;</c>. Punctuation between words is ignored and words are lower-cased and trimmed the way
/// <see cref="Language.TextNormalizer"/> treats an utterance, so a plain sentence is a valid template.
/// Hand-written: a recursive-descent parser of this size is shorter than wiring a parser generator, and no
/// NuGet package parses hassil's syntax.
/// </summary>
public sealed class TemplateParser
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

    private SlotNode ParseSlot()
    {
        int opened = _at++;
        int nameStart = _at;
        while (_at < _text.Length && _text[_at] is not ('}' or ':'))
        {
            _at++;
        }

        string name = _text[nameStart.._at].Trim();
        if (_at >= _text.Length)
        {
            _at = opened;
            throw Error("'{' is not closed");
        }

        if (name.Length == 0 || !IsName(name))
        {
            _at = opened;
            throw Error($"bad slot name '{name}'");
        }

        TemplateNode? requirement = null;
        if (_text[_at] == ':')
        {
            _at++;
            requirement = ParseAlternatives('}');
            if (_at >= _text.Length)
            {
                _at = opened;
                throw Error("'{' is not closed");
            }
        }

        _at++; // '}'
        return new SlotNode(name, requirement);
    }

    private string ParseName(char opener, char closer)
    {
        int opened = _at++;
        int end = _text.IndexOf(closer, _at);
        if (end < 0)
        {
            _at = opened;
            throw Error($"'{opener}' is not closed");
        }

        string name = _text[_at..end].Trim();
        if (name.Length == 0 || !IsName(name))
        {
            _at = opened;
            throw Error($"bad name '{name}'");
        }

        _at = end + 1;
        return name;
    }

    private void ParseWord(List<TemplateNode> items)
    {
        var word = new StringBuilder();
        while (_at < _text.Length && IsWordChar(_text[_at]))
        {
            word.Append(char.ToLowerInvariant(_text[_at++]));
        }

        string trimmed = word.ToString().Trim('.', '\'', ':');
        if (trimmed.Length > 0)
        {
            items.Add(new LiteralNode(trimmed));
        }
    }

    private static bool IsName(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private TemplateSyntaxException Error(string what) =>
        new($"template \"{_text}\", column {_at + 1}: {what}", _at + 1);
}
