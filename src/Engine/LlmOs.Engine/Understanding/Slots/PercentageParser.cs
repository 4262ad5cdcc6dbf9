using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Percentages: "50%", "50 %", "fifty percent", "50 per cent", "cincuenta por ciento", and a bare whole number
/// or one in digits ("volume to 50"), after the readings that say percent. A fraction word is a percentage only
/// with percent said: "half" alone is no percentage (it is not 50, and 0.5 would surprise).
/// </summary>
internal static class PercentageParser
{
    public static void Read(IReadOnlyList<string> tokens, int start, LanguageWords words, List<SlotMatch> readings)
    {
        string first = tokens[start];
        if (first.Length > 1 && first[^1] == '%'
            && DigitNumbers.TryParse(first.AsSpan(0, first.Length - 1), words.DecimalSeparator, out double typed, out _))
        {
            readings.Add(new SlotMatch(1, typed));
            return;
        }

        var numbers = new List<NumberReading>(4);
        NumberParser.Read(tokens, start, words, numbers);
        foreach (var number in numbers)
        {
            int percent = words.Percent.Match(tokens, start + number.Length);
            if (percent > 0)
            {
                readings.Add(new SlotMatch(number.Length + percent, number.Value));
            }
        }

        bool typedInDigits = char.IsAsciiDigit(first[0]);
        foreach (var number in numbers)
        {
            if (number.Whole || typedInDigits)
            {
                readings.Add(new SlotMatch(number.Length, number.Value));
            }
        }
    }
}
