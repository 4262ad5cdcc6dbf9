using System.Globalization;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Numbers typed in digits: "25", "2.5", "1,000", "1.000,5". The language's decimal separator is a decimal point
/// where it appears once; the other of '.' and ',' groups thousands when every group after it has three digits,
/// and is read as a decimal point otherwise ("2,5" in English is 2.5).
/// </summary>
internal static class DigitNumbers
{
    public static bool TryParse(ReadOnlySpan<char> text, char decimalSeparator, out double value, out bool whole)
    {
        value = 0;
        whole = true;
        if (text.IsEmpty || text.Length > 30 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        char groupSeparator = decimalSeparator == '.' ? ',' : '.';
        int decimals = text.Count(decimalSeparator);
        int groups = text.Count(groupSeparator);
        if (decimals > 1 || (decimals == 1 && groups > 0 && text.LastIndexOf(groupSeparator) > text.IndexOf(decimalSeparator)))
        {
            return false;
        }

        if (groups > 0 && !GroupedByThousands(decimals == 1 ? text[..text.IndexOf(decimalSeparator)] : text, groupSeparator))
        {
            if (groups > 1 || decimals > 0)
            {
                return false;
            }

            (groupSeparator, decimalSeparator) = (decimalSeparator, groupSeparator);
        }

        Span<char> invariant = stackalloc char[text.Length];
        int length = 0;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                invariant[length++] = c;
            }
            else if (c == decimalSeparator)
            {
                invariant[length++] = '.';
                whole = false;
            }
            else if (c != groupSeparator)
            {
                return false;
            }
        }

        if (invariant[length - 1] == '.')
        {
            return false;
        }

        return double.TryParse(invariant[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool GroupedByThousands(ReadOnlySpan<char> integerPart, char groupSeparator)
    {
        int first = integerPart.IndexOf(groupSeparator);
        if (first is < 1 or > 3)
        {
            return false;
        }

        int run = 0;
        for (int i = first + 1; i < integerPart.Length; i++)
        {
            if (integerPart[i] == groupSeparator)
            {
                if (run != 3)
                {
                    return false;
                }

                run = 0;
            }
            else
            {
                run++;
            }
        }

        return run == 3;
    }
}
