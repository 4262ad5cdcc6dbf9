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
            if (!IsWordChar(text, at))
            {
                at++;
                continue;
            }

            int start = at;
            while (at < text.Length && IsWordChar(text, at))
            {
                at++;
            }

            int end = at;
            while (start < end && text[start] is '.' or '\'' or ':' or ',' or '\u2019')
            {
                start++;
            }

            while (end > start && text[end - 1] is '.' or '\'' or ':' or ',' or '\u2019')
            {
                end--;
            }

            if (end > start && SameWord(text.AsSpan(start, end - start), tokens[next]))
            {
                spans[next++] = (start, end);
            }

            // else a word the normaliser dropped (filler): skip it
        }

        return next == tokens.Count ? spans : null;
    }

    /// <summary>As the normaliser splits words: letters, digits, ' ’ : . % and a comma between digits ("1,000").</summary>
    private static bool IsWordChar(string text, int at) =>
        TemplateParser.IsWordChar(text[at]) || text[at] == '\u2019'
        || (text[at] == ',' && at > 0 && at + 1 < text.Length && char.IsAsciiDigit(text[at - 1]) && char.IsAsciiDigit(text[at + 1]));

    private static bool SameWord(ReadOnlySpan<char> original, string token)
    {
        if (original.Length != token.Length)
        {
            return false;
        }

        for (int i = 0; i < original.Length; i++)
        {
            char c = original[i] == '\u2019' ? '\'' : char.ToLowerInvariant(original[i]);
            if (c != token[i])
            {
                return false;
            }
        }

        return true;
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
