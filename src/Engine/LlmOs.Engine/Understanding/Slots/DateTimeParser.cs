using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Moments: "in ten minutes", "ten minutes from now", "at 5 pm", "at 9", "tomorrow at noon", "on friday at 3",
/// "tonight at 8", "at 17:30", "december 24th at 5 pm", "mañana a las nueve", "dentro de media hora", resolved
/// against <see cref="SlotContext.Now"/> in <see cref="SlotContext.TimeZone"/>. A time without a date is the next
/// such time (today if still ahead, else tomorrow; "at 9" is whichever 9 o'clock comes first); with a day but no
/// am/pm, the language's <see cref="LanguageWords.PmUnlessSaid"/> hours are afternoon ("on friday at 3" → 15:00).
/// </summary>
internal static class DateTimeParser
{
    public static void Read(IReadOnlyList<string> tokens, int start, SlotContext context, List<SlotMatch> readings)
    {
        var words = context.Language.Words;
        Relative(tokens, start, context, readings);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, context.TimeZone).DateTime);

        var clocks = new List<ClockReading>(8);
        int at = words.At.Match(tokens, start);
        ClockParser.Read(tokens, start + at, words, clocks);
        var dates = new List<DateSaid>(4);
        bool afterAt = at > 0 || AtEndsBefore(tokens, start, words);
        foreach (var clock in clocks)
        {
            if (clock.Plain && !afterAt)
            {
                continue;
            }

            int end = start + at + clock.Length;
            Add(readings, end - start, Resolve(context, today, null, clock));
            dates.Clear();
            DateParser.Read(tokens, end, words, dates);
            foreach (var date in dates)
            {
                Add(readings, end + date.Length - start, Resolve(context, today, date, clock));
            }
        }

        dates.Clear();
        DateParser.Read(tokens, start, words, dates);
        foreach (var date in dates)
        {
            int end = start + date.Length;
            Add(readings, date.Length, Resolve(context, today, date, null));
            int atAfter = words.At.Match(tokens, end);
            clocks.Clear();
            ClockParser.Read(tokens, end + atAfter, words, clocks);
            foreach (var clock in clocks)
            {
                if (!clock.Plain || atAfter > 0)
                {
                    Add(readings, date.Length + atAfter + clock.Length, Resolve(context, today, date, clock));
                }
            }
        }
    }

    /// <summary>Whether an "at" ends just before <paramref name="start"/>: a template's literal "at {when}" lets a bare "9" be a time.</summary>
    private static bool AtEndsBefore(IReadOnlyList<string> tokens, int start, LanguageWords words)
    {
        for (int length = 1; length <= 3 && length <= start; length++)
        {
            if (words.At.Match(tokens, start - length) == length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"in ten minutes", "dentro de una hora", "ten minutes from now", and a bare "ten minutes".</summary>
    private static void Relative(IReadOnlyList<string> tokens, int start, SlotContext context, List<SlotMatch> readings)
    {
        var words = context.Language.Words;
        var durations = new List<(int Length, long Seconds)>(4);
        int marker = words.Relative.Match(tokens, start);
        if (marker > 0)
        {
            DurationParser.Read(tokens, start + marker, words, durations);
            foreach (var (length, seconds) in durations)
            {
                Add(readings, marker + length, Later(context, seconds));
            }

            durations.Clear();
        }

        DurationParser.Read(tokens, start, words, durations);
        foreach (var (length, seconds) in durations)
        {
            string moment = Later(context, seconds);
            int after = words.RelativeAfter.Match(tokens, start + length);
            if (after > 0)
            {
                Add(readings, length + after, moment);
            }

            Add(readings, length, moment);
        }
    }

    private static string Later(SlotContext context, long seconds) =>
        ZonedClock.Text(TimeZoneInfo.ConvertTime(context.Now.AddSeconds(Math.Clamp(seconds, 0, 1000L * 366 * 86400)), context.TimeZone));

    private static void Add(List<SlotMatch> readings, int length, string? moment)
    {
        if (moment is not null)
        {
            readings.Add(new SlotMatch(length, moment));
        }
    }

    private static string? Resolve(SlotContext context, DateOnly today, DateSaid? date, ClockReading? clock)
    {
        var zone = context.TimeZone;
        var now = context.Now;
        if (clock is not { } time)
        {
            int hour = date!.Value.Period?.Hour ?? context.Language.Words.DefaultHour;
            return OnDate(context, date.Value, today, 0, hour, 0);
        }

        var meridiem = time.Meridiem == Meridiem.None && date?.Period is { } period ? period.Meridiem : time.Meridiem;
        if (time.Exact)
        {
            return date is { } exactDate
                ? OnDate(context, exactDate, today, meridiem == Meridiem.Night && time.Hour < 5 ? 1 : 0, time.Hour, time.Minute)
                : ZonedClock.Text(NextAt(today, time.Hour, time.Minute, now, zone));
        }

        int h = time.Hour % 12;
        switch (meridiem)
        {
            case Meridiem.Am:
                return date is { } amDate ? OnDate(context, amDate, today, 0, h, time.Minute) : ZonedClock.Text(NextAt(today, h, time.Minute, now, zone));
            case Meridiem.Pm:
                return date is { } pmDate ? OnDate(context, pmDate, today, 0, h + 12, time.Minute) : ZonedClock.Text(NextAt(today, h + 12, time.Minute, now, zone));
            case Meridiem.Night:
                bool smallHours = h < 5;
                int nightHour = smallHours ? h : h + 12;
                return date is { } nightDate
                    ? OnDate(context, nightDate, today, smallHours ? 1 : 0, nightHour, time.Minute)
                    : ZonedClock.Text(NextAt(today, nightHour, time.Minute, now, zone));
            default:
                break;
        }

        if (date is not { } anyDate)
        {
            var morning = NextAt(today, h, time.Minute, now, zone);
            var evening = NextAt(today, h + 12, time.Minute, now, zone);
            return ZonedClock.Text(morning < evening ? morning : evening);
        }

        if (anyDate.Kind == DateKind.Offset && anyDate.Offset == 0)
        {
            var morning = ZonedClock.At(today, h, time.Minute, zone);
            var evening = ZonedClock.At(today, h + 12, time.Minute, zone);
            return ZonedClock.Text(morning > now || evening <= now ? morning : evening);
        }

        int said = time.Hour == 0 ? 12 : time.Hour;
        return OnDate(context, anyDate, today, 0, context.Language.Words.PmUnlessSaid.Contains(said) ? h + 12 : h, time.Minute);
    }

    /// <summary>The next time the clock shows this time: today if still ahead, else tomorrow.</summary>
    private static DateTimeOffset NextAt(DateOnly today, int hour, int minute, DateTimeOffset now, TimeZoneInfo zone)
    {
        var moment = ZonedClock.At(today, hour, minute, zone);
        return moment > now ? moment : ZonedClock.At(today.AddDays(1), hour, minute, zone);
    }

    /// <summary>The time on the date said; a weekday or a day of a month without a year that has passed is the next one.</summary>
    private static string? OnDate(SlotContext context, DateSaid date, DateOnly today, int extraDays, int hour, int minute)
    {
        var zone = context.TimeZone;
        switch (date.Kind)
        {
            case DateKind.Offset:
                return ZonedClock.Text(ZonedClock.At(today.AddDays(date.Offset + extraDays), hour, minute, zone));
            case DateKind.Weekday:
                int ahead = ((int)date.Weekday - (int)today.DayOfWeek + 7) % 7;
                var moment = ZonedClock.At(today.AddDays(ahead + extraDays), hour, minute, zone);
                return ZonedClock.Text(moment > context.Now ? moment : ZonedClock.At(today.AddDays(ahead + 7 + extraDays), hour, minute, zone));
            default:
                int year = date.Year > 0 ? date.Year : today.Year;
                if (date.Day > DateTime.DaysInMonth(year, date.Month))
                {
                    return date.Year > 0 ? null : OnDate(context, date with { Year = year + 1 }, today, extraDays, hour, minute);
                }

                var day = new DateOnly(year, date.Month, date.Day).AddDays(extraDays);
                var onDay = ZonedClock.At(day, hour, minute, zone);
                return date.Year > 0 || onDay > context.Now
                    ? ZonedClock.Text(onDay)
                    : OnDate(context, date with { Year = year + 1 }, today, extraDays, hour, minute);
        }
    }
}
