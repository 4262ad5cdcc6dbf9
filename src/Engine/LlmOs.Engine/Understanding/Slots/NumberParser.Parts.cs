using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>The parts of a number after its whole: fractions, decimals, and which words may join a number.</summary>
internal static partial class NumberParser
{
    /// <summary>A fraction at <paramref name="at"/>, with an article before it or not ("a half", "half", "media"): its length, 0 when none.</summary>
    public static int FractionAt(IReadOnlyList<string> tokens, int at, LanguageWords words, out double fraction)
    {
        if (at < tokens.Count && words.Articles.Contains(tokens[at]))
        {
            int length = words.Fractions.Match(tokens, at + 1, out fraction);
            return length > 0 ? length + 1 : 0;
        }

        return words.Fractions.Match(tokens, at, out fraction);
    }

    /// <summary>Whether <paramref name="value"/> fills an empty place of <paramref name="sofar"/>: 20 + 5, 200 + 25, 2000 + 300; not 5 + 5 or 25 + 5.</summary>
    private static bool Fits(long sofar, long value)
    {
        long place = 10;
        while (place <= value)
        {
            place *= 10;
        }

        return sofar % place == 0;
    }

    private static void ReadDecimals(IReadOnlyList<string> tokens, int at, int start, long whole, LanguageWords words, List<NumberReading> readings)
    {
        double fraction = 0;
        double weight = 0.1;
        for (int i = at; i < tokens.Count && weight > 1e-9; i++)
        {
            if (words.NumberWords.TryGetValue(tokens[i], out long digit) && digit < 10)
            {
                fraction += digit * weight;
                weight /= 10;
            }
            else if (i == at && tokens[i].AsSpan().ContainsAnyExceptInRange('0', '9') is false)
            {
                foreach (char c in tokens[i])
                {
                    fraction += (c - '0') * weight;
                    weight /= 10;
                }
            }
            else
            {
                break;
            }

            readings.Add(new NumberReading(i + 1 - start, whole + fraction, false));
        }
    }
}
