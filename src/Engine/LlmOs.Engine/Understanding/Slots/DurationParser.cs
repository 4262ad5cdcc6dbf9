using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Lengths of time in whole seconds, by the language's units: "90 seconds", "an hour and a half", "a minute and a
/// half", "two and a half minutes", "1 hour 30 minutes", "1h30", "half an hour", "a quarter of an hour",
/// "hora y media", "un cuarto de hora". Parts join largest unit first ("1 hour and 30 minutes"). Hand-written for
/// the reason <see cref="NumberParser"/> gives.
/// </summary>
internal static class DurationParser
{
    /// <summary>About 3,000 years: longer "durations" are nonsense, and would overflow the clock they are added to.</summary>
    private const double MaxSeconds = 1e11;

    /// <summary>Adds every duration that starts at <paramref name="start"/> to <paramref name="readings"/> as (tokens, seconds), in no particular order.</summary>
    public static void Read(IReadOnlyList<string> tokens, int start, LanguageWords words, List<(int Length, long Seconds)> readings)
    {
        if (start < tokens.Count && words.CanStartDuration(tokens[start]))
        {
            Chain(tokens, start, start, 0, long.MaxValue, words, readings, []);
        }
    }

    private static void Chain(
        IReadOnlyList<string> tokens, int start, int at, double sofar, long largerUnit, LanguageWords words,
        List<(int Length, long Seconds)> readings, List<(int Length, double Seconds, long Unit)> scratch)
    {
        scratch.Clear();
        Parts(tokens, at, words, scratch);
        if (scratch.Count == 0)
        {
            return;
        }

        var parts = scratch.ToArray();
        foreach (var (length, seconds, unit) in parts)
        {
            if (unit >= largerUnit)
            {
                continue;
            }

            int end = at + length;
            double total = sofar + seconds;
            if (total > MaxSeconds)
            {
                continue;
            }

            readings.Add((end - start, (long)Math.Round(total)));
            int next = end < tokens.Count && words.And.Contains(tokens[end]) ? end + 1 : end;
            if (next < tokens.Count)
            {
                Chain(tokens, start, next, total, unit, words, readings, scratch);
            }
        }
    }

    /// <summary>One count and its unit at <paramref name="at"/>: "two and a half minutes", "an hour and a half", "1h30".</summary>
    private static void Parts(IReadOnlyList<string> tokens, int at, LanguageWords words, List<(int Length, double Seconds, long Unit)> parts)
    {
        if (TryCompact(tokens[at], words, out double compact, out long smallest))
        {
            parts.Add((1, compact, smallest));
            return;
        }

        var numbers = new List<NumberReading>(4);
        NumberParser.Read(tokens, at, words, numbers);
        foreach (var number in numbers)
        {
            int unitAt = at + number.Length;
            if (number.Value < 1)
            {
                unitAt = Skip(words.Of, tokens, unitAt);
                unitAt = Skip(words.Articles, tokens, unitAt);
            }

            Unit(tokens, at, unitAt, number.Value, words, parts, tailRequired: false);
        }

        if (words.Articles.Contains(tokens[at]))
        {
            Unit(tokens, at, at + 1, 1, words, parts, tailRequired: false);
        }

        Unit(tokens, at, at, 1, words, parts, tailRequired: true);
    }

    private static void Unit(
        IReadOnlyList<string> tokens, int at, int unitAt, double count, LanguageWords words,
        List<(int Length, double Seconds, long Unit)> parts, bool tailRequired)
    {
        if (unitAt >= tokens.Count || !words.DurationUnits.TryGetValue(tokens[unitAt], out long unit))
        {
            return;
        }

        int end = unitAt + 1;
        if (!tailRequired)
        {
            parts.Add((end - at, count * unit, unit));
        }

        if (end < tokens.Count && words.And.Contains(tokens[end]))
        {
            int fraction = NumberParser.FractionAt(tokens, end + 1, words, out double part);
            if (fraction > 0)
            {
                parts.Add((end + 1 + fraction - at, (count + part) * unit, unit));
            }
        }
    }

    private static int Skip(IReadOnlySet<string> optional, IReadOnlyList<string> tokens, int at) =>
        at < tokens.Count && optional.Contains(tokens[at]) ? at + 1 : at;

    /// <summary>
    /// A duration written as one token, "1h30", "90s", "10min", "2.5h", "1h30m": numbers each followed by a unit,
    /// the last one's unit left out meaning the next smaller unit ("1h30" is 90 minutes).
    /// </summary>
    private static bool TryCompact(string token, LanguageWords words, out double seconds, out long smallest)
    {
        seconds = 0;
        smallest = long.MaxValue;
        if (token.Length < 2 || !char.IsAsciiDigit(token[0]) || !token.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        int i = 0;
        while (i < token.Length)
        {
            int numberStart = i;
            while (i < token.Length && (char.IsAsciiDigit(token[i]) || token[i] is '.' or ','))
            {
                i++;
            }

            if (i == numberStart
                || !DigitNumbers.TryParse(token.AsSpan(numberStart, i - numberStart), words.DecimalSeparator, out double count, out _))
            {
                return false;
            }

            int unitStart = i;
            while (i < token.Length && char.IsLetter(token[i]))
            {
                i++;
            }

            long unit;
            if (i == unitStart)
            {
                unit = NextSmallerUnit(smallest, words);
                if (unit == 0 || i < token.Length)
                {
                    return false;
                }
            }
            else if (!words.DurationUnits.TryGetValue(token[unitStart..i], out unit) || unit >= smallest)
            {
                return false;
            }

            seconds += count * unit;
            smallest = unit;
        }

        return smallest != long.MaxValue;
    }

    private static long NextSmallerUnit(long unit, LanguageWords words)
    {
        long best = 0;
        foreach (long candidate in words.DurationUnits.Values)
        {
            if (candidate < unit && candidate > best)
            {
                best = candidate;
            }
        }

        return unit == long.MaxValue ? 0 : best;
    }
}
