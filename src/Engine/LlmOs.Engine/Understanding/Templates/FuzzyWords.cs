namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Typo tolerance for literal words: the Damerau-Levenshtein distance (optimal string alignment) a word of the
/// template may be off by, by its length. Hand-written: the bounded distance of two short words is a dozen
/// lines, and the fuzzy-matching packages on NuGet allocate per call and are built for ranking, not a bound.
/// </summary>
internal static class FuzzyWords
{
    /// <summary>How many edits a word of this length tolerates: none under 4 letters, 1 from 4, 2 from 8.</summary>
    public static int Tolerance(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>Whether <paramref name="said"/> is <paramref name="expected"/> with at most its tolerance of typos (never for numbers).</summary>
    public static bool IsTypoOf(string said, string expected)
    {
        int tolerance = Tolerance(expected.Length);
        if (tolerance == 0 || Math.Abs(said.Length - expected.Length) > tolerance || HasDigit(said) || HasDigit(expected))
        {
            return false;
        }

        return Distance(said, expected, tolerance) <= tolerance;
    }

    /// <summary>The optimal-string-alignment distance, or <paramref name="bound"/> + 1 once it must exceed the bound.</summary>
    public static int Distance(string a, string b, int bound)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return string.Equals(a, b, StringComparison.Ordinal) ? 0 : bound + 1;
        }

        int width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];
        Span<int> twoBack = rows[..width];
        Span<int> previous = rows.Slice(width, width);
        Span<int> current = rows.Slice(2 * width, width);
        for (int j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowBest = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }

            if (rowBest > bound)
            {
                return bound + 1;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    public static bool HasDigit(string word)
    {
        foreach (char c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
