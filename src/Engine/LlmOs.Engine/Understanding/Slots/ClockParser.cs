using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Times of day: "5 pm", "5pm", "17:30", "5:30 pm", "noon", "half past eleven", "quarter to midnight",
/// "ten thirty", "five o'clock in the evening", "las once y media", "las tres menos cuarto", "las 8 de la tarde".
/// </summary>
internal static partial class ClockParser
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
}
