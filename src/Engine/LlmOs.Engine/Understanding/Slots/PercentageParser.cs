using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Percentages: "50%", "50 %", "fifty percent", "50 per cent", "cincuenta por ciento". A number needs the
/// language's percent word or sign after it: "half" alone is no percentage.
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
    }
}
