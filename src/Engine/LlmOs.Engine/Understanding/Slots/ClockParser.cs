using System.Globalization;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Times of day: "5 pm", "5pm", "17:30", "5:30 pm", "noon", "half past eleven", "quarter to midnight",
/// "ten thirty", "five o'clock in the evening", "las once y media", "las tres menos cuarto", "las 8 de la tarde".
/// </summary>
internal static class ClockParser
{
    public static void Read(IReadOnlyList<string> tokens, int start, LanguageWords words, List<ClockReading> readings)
    {
        if (start >= tokens.Count || !words.CanStartClock(tokens[start]))
        {
            return;
        }

        int first = readings.Count;
        int named = words.NamedTimes.Match(tokens, start, out int namedMinutes);
        if (named > 0)
        {
            readings.Add(new ClockReading(named, namedMinutes / 60, namedMinutes % 60, Meridiem.None, Exact: true, Plain: false));
        }

        if (TryClockToken(tokens[start], words, out int hour, out int minute, out var meridiem))
        {
            // "09:15" is the 24-hour clock: the leading zero says so.
            bool zeroPadded = tokens[start].Length > 1 && tokens[start][0] == '0' && char.IsAsciiDigit(tokens[start][1]);
            var clock = Clock(1, hour, minute, meridiem, plain: false);
            readings.Add(zeroPadded && meridiem == Meridiem.None ? clock with { Exact = true } : clock);
        }

        MinutesThenHour(tokens, start, words, readings);
        HourThenMinutes(tokens, start, words, readings);

        int end = readings.Count;
        for (int r = first; r < end; r++)
        {
            var reading = readings[r];
            int at = start + reading.Length;
            if (reading.Meridiem != Meridiem.None || reading.Exact)
            {
                continue;
            }

            int said = words.Meridiems.Match(tokens, at, out var half);
            if (said == 0 && words.Periods.Match(tokens, at, out var period) is int periodLength and > 0)
            {
                said = periodLength;
                half = period.Meridiem;
            }

            if (said > 0 && reading.Hour <= 12)
            {
                readings.Add(reading with { Length = reading.Length + said, Meridiem = half, Plain = false });
            }
        }
    }

    /// <summary>"half past eleven", "twenty to five", "quarter to midnight".</summary>
    private static void MinutesThenHour(IReadOnlyList<string> tokens, int start, LanguageWords words, List<ClockReading> readings)
    {
        if (words.MinutesBeforeHour.IsEmpty)
        {
            return;
        }

        foreach (var (length, minutes) in Minutes(tokens, start, words))
        {
            int marker = words.MinutesBeforeHour.Match(tokens, start + length, out int sign);
            if (marker == 0)
            {
                continue;
            }

            int at = start + length + marker;
            int named = words.NamedTimes.Match(tokens, at, out int namedMinutes);
            if (named > 0)
            {
                int total = (namedMinutes + (sign * minutes) + 1440) % 1440;
                readings.Add(new ClockReading(at + named - start, total / 60, total % 60, Meridiem.None, Exact: true, Plain: false));
            }

            foreach (var (hourLength, hour) in Hours(tokens, at, words))
            {
                if (hour is >= 1 and <= 12)
                {
                    int total = (hour * 60) + (sign * minutes);
                    readings.Add(new ClockReading(at + hourLength - start, total / 60, total % 60, Meridiem.None, Exact: false, Plain: false));
                }
            }
        }
    }

    /// <summary>"five", "five o'clock", "ten thirty", "las once y media", "las tres menos cuarto".</summary>
    private static void HourThenMinutes(IReadOnlyList<string> tokens, int start, LanguageWords words, List<ClockReading> readings)
    {
        foreach (var (length, hour) in Hours(tokens, start, words))
        {
            int at = start + length;
            readings.Add(Clock(length, hour, 0, Meridiem.None, plain: true));
            int oclock = words.OClock.Match(tokens, at);
            if (oclock > 0)
            {
                readings.Add(Clock(length + oclock, hour, 0, Meridiem.None, plain: false));
            }

            int marker = words.MinutesAfterHour.Match(tokens, at, out int sign);
            if (marker > 0)
            {
                foreach (var (minutesLength, minutes) in Minutes(tokens, at + marker, words))
                {
                    int total = (((hour * 60) + (sign * minutes)) + 1440) % 1440;
                    readings.Add(Clock(length + marker + minutesLength, total / 60, total % 60, Meridiem.None, plain: false) with { Exact = hour is 0 or > 12 });
                }
            }

            var spoken = new List<NumberReading>(2);
            NumberParser.Read(tokens, at, words, spoken);
            foreach (var minutes in spoken)
            {
                if (minutes.Whole && minutes.Value is >= 10 and <= 59 && hour <= 23)
                {
                    readings.Add(Clock(length + minutes.Length, hour, (int)minutes.Value, Meridiem.None, plain: false));
                }
            }
        }
    }

    private static ClockReading Clock(int length, int hour, int minute, Meridiem meridiem, bool plain) =>
        new(length, hour, minute, meridiem, Exact: hour is 0 or > 12, plain);

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
