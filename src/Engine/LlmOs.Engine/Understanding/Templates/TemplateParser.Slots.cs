using System.Text;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>Slots, rule and slot names, words and errors.</summary>
public sealed partial class TemplateParser
{
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
