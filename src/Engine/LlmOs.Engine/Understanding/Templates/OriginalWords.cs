namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Finds each normalised token in the utterance's original text, so a free-text slot keeps the words as typed
/// (case, inner punctuation: "Call Anna", "5 + 3"). When the normaliser changed words beyond recognition the
/// alignment gives up and free text falls back to the tokens joined by spaces.
/// </summary>
internal static class OriginalWords
{
    /// <summary>The [start, end) character range of every token in <paramref name="text"/>, or null when they cannot all be found in order.</summary>
    public static (int Start, int End)[]? Align(string text, IReadOnlyList<string> tokens)
    {
        var spans = new (int Start, int End)[tokens.Count];
        int next = 0;
        int at = 0;
        while (at < text.Length && next < tokens.Count)
        {
            if (!TemplateParser.IsWordChar(text[at]))
            {
                at++;
                continue;
            }

            int start = at;
            while (at < text.Length && TemplateParser.IsWordChar(text[at]))
            {
                at++;
            }

            int end = at;
            while (start < end && text[start] is '.' or '\'' or ':')
            {
                start++;
            }

            while (end > start && text[end - 1] is '.' or '\'' or ':')
            {
                end--;
            }

            if (end > start && text.AsSpan(start, end - start).Equals(tokens[next], StringComparison.OrdinalIgnoreCase))
            {
                spans[next++] = (start, end);
            }

            // else a word the normaliser dropped (filler): skip it
        }

        return next == tokens.Count ? spans : null;
    }

    /// <summary>The text of tokens [first, first + count): the original words with what lies between them, or the tokens joined.</summary>
    public static string Slice(string text, (int Start, int End)[]? spans, IReadOnlyList<string> tokens, int first, int count)
    {
        if (spans is not null)
        {
            return text[spans[first].Start..spans[first + count - 1].End];
        }

        return string.Join(' ', tokens.Skip(first).Take(count));
    }
}
