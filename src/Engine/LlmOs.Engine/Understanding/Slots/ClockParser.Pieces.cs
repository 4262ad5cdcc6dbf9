using System.Globalization;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>The pieces a time of day is made of: hours, minutes, and clock tokens such as "17:30" or "5pm".</summary>
internal static partial class ClockParser
{
    /// <summary>Whole hours 0 to 23 at <paramref name="at"/>, in digits or words.</summary>
    private static List<(int Length, int Hour)> Hours(IReadOnlyList<string> tokens, int at, LanguageWords words)
    {
        var hours = new List<(int, int)>(2);
        var numbers = new List<NumberReading>(4);
        NumberParser.Read(tokens, at, words, numbers);
        foreach (var number in numbers)
        {
            if (number.Whole && number.Value is >= 0 and <= 23)
            {
                hours.Add((number.Length, (int)number.Value));
            }
        }

        return hours;
    }

    /// <summary>Minutes said before or after an hour: "half" (30), "a quarter" (15), "twenty", "ten minutes".</summary>
    private static List<(int Length, int Minutes)> Minutes(IReadOnlyList<string> tokens, int at, LanguageWords words)
    {
        var minutes = new List<(int, int)>(2);
        int fraction = NumberParser.FractionAt(tokens, at, words, out double part);
        double fractionMinutes = part * 60;
        if (fraction > 0 && fractionMinutes == Math.Floor(fractionMinutes))
        {
            minutes.Add((fraction, (int)fractionMinutes));
        }

        var numbers = new List<NumberReading>(4);
        NumberParser.Read(tokens, at, words, numbers);
        foreach (var number in numbers)
        {
            if (number.Whole && number.Value is >= 1 and <= 59)
            {
                int end = at + number.Length;
                bool unit = end < tokens.Count && words.DurationUnits.TryGetValue(tokens[end], out long seconds) && seconds == 60;
                minutes.Add((number.Length + (unit ? 1 : 0), (int)number.Value));
            }
        }

        return minutes;
    }

    /// <summary>"17:30", "5:30", "5pm", "5:30pm", "12am".</summary>
    private static bool TryClockToken(string token, LanguageWords words, out int hour, out int minute, out Meridiem meridiem)
    {
        hour = minute = 0;
        meridiem = Meridiem.None;
        var text = token.AsSpan();
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2 || digits == text.Length)
        {
            return false;
        }

        hour = int.Parse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        var rest = text[digits..];
        bool colon = rest[0] == ':';
        if (colon)
        {
            if (rest.Length < 3 || !char.IsAsciiDigit(rest[1]) || !char.IsAsciiDigit(rest[2]))
            {
                return false;
            }

            minute = ((rest[1] - '0') * 10) + (rest[2] - '0');
            rest = rest[3..];
        }

        if (!rest.IsEmpty)
        {
            if (words.Meridiems.Match([rest.ToString()], 0, out meridiem) == 0 || hour is 0 or > 12)
            {
                return false;
            }
        }

        return (colon || meridiem != Meridiem.None) && hour <= 23 && minute <= 59;
    }
}
