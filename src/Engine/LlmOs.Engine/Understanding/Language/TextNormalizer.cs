using System.Text;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>Turns typed or transcribed text into the words recognisers match on.</summary>
public static class TextNormalizer
{
    public static Utterance Normalize(string text, LanguageWords words)
    {
        string trimmed = text.Trim();
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (char c in trimmed.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '\'' or ':' or '.' or '%')
            {
                word.Append(c);
                continue;
            }

            Flush(word, tokens, words);
        }

        Flush(word, tokens, words);
        return new Utterance(trimmed, tokens);
    }

    private static void Flush(StringBuilder word, List<string> tokens, LanguageWords words)
    {
        string token = word.ToString().Trim('.', '\'', ':');
        word.Clear();
        if (token.Length > 0 && !words.Filler.Contains(token))
        {
            tokens.Add(token);
        }
    }
}
