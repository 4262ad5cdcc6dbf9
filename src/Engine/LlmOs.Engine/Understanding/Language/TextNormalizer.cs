using System.Text;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>Turns typed or transcribed text into the words recognisers match on.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Lower-cases, splits into words and drops the language's filler ("please", "por favor"). Kept whole: "12:30",
    /// "2.5", "1,000" (a comma only between digits), "50%", "o'clock", "a.m"; hyphens split ("twenty-five" → "twenty", "five").
    /// </summary>
    public static Utterance Normalize(string text, LanguageWords words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        string trimmed = text.Trim();
        var tokens = Tokenize(trimmed);
        if (!words.FillerPhrases.IsEmpty || words.Filler.Count > 0)
        {
            DropFiller(tokens, words);
        }

        return new Utterance(trimmed, tokens);
    }

    /// <summary>The words of <paramref name="text"/> as <see cref="Normalize"/> splits them, filler kept (for list entries and templates).</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        var word = new StringBuilder();
        for (int i = 0; i < lower.Length; i++)
        {
            char c = lower[i] == '\u2019' ? '\'' : lower[i];
            if (char.IsLetterOrDigit(c) || c is '\'' or ':' or '.' or '%' || (c == ',' && BetweenDigits(lower, i)))
            {
                word.Append(c);
                continue;
            }

            Flush(word, tokens);
        }

        Flush(word, tokens);
        return tokens;
    }

    private static bool BetweenDigits(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        string token = word.ToString().Trim('.', '\'', ':', ',');
        word.Clear();
        if (token.Length > 0)
        {
            tokens.Add(token);
        }
    }

    private static void DropFiller(List<string> tokens, LanguageWords words)
    {
        int kept = 0;
        for (int i = 0; i < tokens.Count;)
        {
            int phrase = words.FillerPhrases.Match(tokens, i);
            if (phrase > 0)
            {
                i += phrase;
                continue;
            }

            if (!words.Filler.Contains(tokens[i]))
            {
                tokens[kept++] = tokens[i];
            }

            i++;
        }

        tokens.RemoveRange(kept, tokens.Count - kept);
    }
}
