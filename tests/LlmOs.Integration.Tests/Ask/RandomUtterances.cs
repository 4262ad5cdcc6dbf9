using System.Text;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// Random utterances for robustness tests, from a seeded <see cref="Random"/>: words of real asks, numbers, punctuation,
/// letters of other scripts, emoji (surrogate pairs), combining marks, very long tokens, and now and then a control
/// character or a lone surrogate, which must be refused rather than understood.
/// </summary>
public static class RandomUtterances
{
    private static readonly string[] Words =
    [
        "set", "a", "timer", "for", "minutes", "remind", "me", "to", "call", "tomorrow", "at", "9", "open", "firefox", "what",
        "time", "is", "it", "volume", "up", "mute", "lock", "screen", "twelve", "times", "seven", "%", "of", "80", "half",
        "past", "eleven", "translate", "into", "french", "summarize", "please", "uh", "um", "the", "and", "¿qué", "hora", "es?",
        "Straße", "日本語", "переведи", "مرحبا", "🙂", "👩‍💻", "e\u0301", "---", "!!!", "...", "$(rm -rf /)", "<script>", "%s%n",
        "{duration}", "[optional]", "(a|b)", "null", "\"quoted\"", "\\", "∞", "1e308", "-0", "NaN", "0x1F",
    ];

    public static string Next(Random random)
    {
        var text = new StringBuilder();
        int count = random.Next(0, 14);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(random.Next(10) == 0 ? "  " : " ");
            }

            switch (random.Next(40))
            {
                case 0:
                    text.Append(new string((char)random.Next('a', 'z' + 1), random.Next(100, 3000))); // a very long token
                    break;
                case 1:
                    text.Append((char)random.Next(1, 32)); // a control character (tab and newlines pass)
                    break;
                case 2:
                    text.Append((char)random.Next(0xD800, 0xE000)); // a lone surrogate
                    break;
                case 3:
                    text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)));
                    break;
                default:
                    text.Append(Words[random.Next(Words.Length)]);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>{"utterance":…}</c> with every character outside printable ASCII as a <c>\uXXXX</c> escape, by hand: a JSON
    /// serializer would repair a lone surrogate before sending it, and the daemon must see what a careless client sends.
    /// </summary>
    public static string Body(string utterance)
    {
        var json = new StringBuilder("{\"utterance\":\"", utterance.Length + 32);
        foreach (char c in utterance)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                json.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append("\"}").ToString();
    }
}
