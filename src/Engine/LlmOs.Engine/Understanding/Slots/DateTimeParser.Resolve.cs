using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>Turning what was said (a date, a time of day, or both) into one moment in the caller's zone.</summary>
internal static partial class DateTimeParser
{
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
