using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Moments: "in ten minutes", "ten minutes from now", "at 5 pm", "at 9", "tomorrow at noon", "on friday at 3",
/// "tonight at 8", "at 17:30", "december 24th at 5 pm", "mañana a las nueve", "dentro de media hora", resolved
/// against <see cref="SlotContext.Now"/> in <see cref="SlotContext.TimeZone"/>. A time without a date is the next
/// such time (today if still ahead, else tomorrow; "at 9" is whichever 9 o'clock comes first); with a day but no
/// am/pm, the language's <see cref="LanguageWords.PmUnlessSaid"/> hours are afternoon ("on friday at 3" → 15:00).
/// </summary>
internal static partial class DateTimeParser
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
}
