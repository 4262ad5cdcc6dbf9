using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Numbers in digits or words, by the language's number words: "25", "twenty five", "a hundred and five",
/// "two thousand three hundred", "two and a half", "three quarters", "two point five", "veinticinco",
/// "treinta y cinco", "dos y media". Hand-written: no maintained .NET library reads spoken numbers from data
/// tables (Microsoft.Recognizers.Text is not available here and keeps its words in compiled regexes).
/// A word joins the number before it only where it fills a place still empty ("twenty five", not "five twenty"),
/// so "las tres y cinco" stays three (and five minutes) rather than eight.
/// </summary>
internal static partial class NumberParser
{
    /// <summary>The largest number read (10^15): beyond it no one is asking for a timer or a volume.</summary>
    private const long MaxValue = 1_000_000_000_000_000;

    /// <summary>Adds every number that starts at <paramref name="start"/> to <paramref name="readings"/>, in no particular order.</summary>
    public static void Read(IReadOnlyList<string> tokens, int start, LanguageWords words, List<NumberReading> readings)
    {
        if (start >= tokens.Count || !words.CanStartNumber(tokens[start]))
        {
            return;
        }

        string first = tokens[start];
        int i = start;
        long total = 0;
        long current = 0;
        bool counted = false;
        bool fromDigits = false;
        bool multiplied = false;
        long lastBigScale = long.MaxValue;
        if (DigitNumbers.TryParse(first, words.DecimalSeparator, out double typed, out bool whole))
        {
            readings.Add(new NumberReading(1, typed, whole));
            if (!whole || typed >= MaxValue)
            {
                return;
            }

            current = (long)typed;
            counted = fromDigits = true;
            i++;
        }
        else if (words.Articles.Contains(first))
        {
            if (start + 1 < tokens.Count && words.Scales.ContainsKey(tokens[start + 1]))
            {
                i++;
            }
            else
            {
                int fraction = words.Fractions.Match(tokens, start + 1, out double part);
                if (fraction > 0)
                {
                    readings.Add(new NumberReading(1 + fraction, part, false));
                }

                return;
            }
        }
        else
        {
            int fraction = words.Fractions.Match(tokens, start, out double part);
            if (fraction > 0)
            {
                readings.Add(new NumberReading(fraction, part, false));
                return;
            }
        }

        while (i < tokens.Count)
        {
            string token = tokens[i];
            if (!fromDigits && words.NumberWords.TryGetValue(token, out long value))
            {
                if (counted && !Fits(total + current, value))
                {
                    break;
                }

                current += value;
                counted = true;
                i++;
                readings.Add(new NumberReading(i - start, total + current, true));
                continue;
            }

            if (words.Scales.TryGetValue(token, out long scale))
            {
                if (scale < 1000)
                {
                    if (multiplied || current >= scale || (counted && current == 0) || current > MaxValue / scale)
                    {
                        break;
                    }

                    current = Math.Max(current, 1) * scale;
                    multiplied = true;
                }
                else
                {
                    if (scale >= lastBigScale || (counted && current == 0) || current >= scale || current > (MaxValue - total) / scale)
                    {
                        break;
                    }

                    total += Math.Max(current, 1) * scale;
                    current = 0;
                    multiplied = false;
                    lastBigScale = scale;
                }

                counted = true;
                fromDigits = false;
                i++;
                readings.Add(new NumberReading(i - start, total + current, true));
                continue;
            }

            if (!counted)
            {
                break;
            }

            if (words.And.Contains(token))
            {
                if (!fromDigits && i + 1 < tokens.Count && words.NumberWords.TryGetValue(tokens[i + 1], out long next)
                    && Fits(total + current, next))
                {
                    i++;
                    continue;
                }

                int fraction = FractionAt(tokens, i + 1, words, out double part);
                if (fraction > 0)
                {
                    readings.Add(new NumberReading(i + 1 + fraction - start, total + current + part, false));
                }

                break;
            }

            if (total == 0 && !multiplied && current is > 0 and <= 10)
            {
                int fraction = words.Fractions.Match(tokens, i, out double part);
                if (fraction > 0)
                {
                    readings.Add(new NumberReading(i + fraction - start, current * part, false));
                    break;
                }
            }

            if (words.DecimalPoint.Contains(token))
            {
                ReadDecimals(tokens, i + 1, start, total + current, words, readings);
            }

            break;
        }
    }
}
