using System.Globalization;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Skills.Clock;

/// <summary>
/// Times, dates and durations as a language says them, from its format data (see <see cref="LocaleFormats"/>):
/// "3:05 PM" or "15:05", "Sunday, 29 November 2026", "2 minutes and 30 seconds", "tomorrow at 9:00 AM".
/// </summary>
internal static class SpokenTime
{
    /// <summary>The clock time of <paramref name="moment"/> (already in the caller's zone), 12 or 24 hours as the locale prefers.</summary>
    public static string Time(DateTimeOffset moment, LanguagePack language, string? locale)
    {
        bool twelve = LocaleFormats.Pick(language, "format.clock", locale, "24h") == "12h";
        int hour12 = moment.Hour % 12 == 0 ? 12 : moment.Hour % 12;
        string format = LocaleFormats.Pick(language, twelve ? "format.time_12h" : "format.time_24h", locale, "{HH}:{mm}");
        string ampm = LocaleFormats.Pick(language, moment.Hour < 12 ? "format.am" : "format.pm", locale, moment.Hour < 12 ? "AM" : "PM");
        return LocaleFormats.Fill(
            format,
            ("h12", hour12.ToString(CultureInfo.InvariantCulture)),
            ("HH", moment.Hour.ToString("00", CultureInfo.InvariantCulture)),
            ("H", moment.Hour.ToString(CultureInfo.InvariantCulture)),
            ("mm", moment.Minute.ToString("00", CultureInfo.InvariantCulture)),
            ("ampm", ampm));
    }

    /// <summary>The hour as the clock says it (1 for 1:05 PM in 12 hours, 13 in 24), for languages that say "one" apart.</summary>
    public static int SpokenHour(DateTimeOffset moment, LanguagePack language, string? locale)
    {
        bool twelve = LocaleFormats.Pick(language, "format.clock", locale, "24h") == "12h";
        return !twelve ? moment.Hour : moment.Hour % 12 == 0 ? 12 : moment.Hour % 12;
    }

    /// <summary>The full date: weekday, day, month and year.</summary>
    public static string Date(DateTimeOffset moment, LanguagePack language, string? locale) =>
        FillDate(LocaleFormats.Pick(language, "format.date", locale, "{year}-{month}-{day}"), moment, language);

    /// <summary>When something is due, said from <paramref name="now"/>: "in 10 minutes", "today at 5:00 PM", "tomorrow at 9:00 AM", "on Friday at…".</summary>
    public static string When(DateTimeOffset due, DateTimeOffset now, TimeZoneInfo zone, LanguagePack language, string? locale)
    {
        due = TimeZoneInfo.ConvertTime(due, zone);
        now = TimeZoneInfo.ConvertTime(now, zone);
        var ahead = due - now;
        if (ahead > TimeSpan.Zero && ahead < TimeSpan.FromHours(1))
        {
            var rounded = ahead.TotalSeconds >= 120 ? TimeSpan.FromMinutes(Math.Round(ahead.TotalMinutes)) : TimeSpan.FromSeconds(Math.Round(ahead.TotalSeconds));
            return language.Respond("when.in", ("duration", Duration(rounded, language)));
        }

        string time = Time(due, language, locale);
        int days = due.Date.Subtract(now.Date).Days;
        return days switch
        {
            0 => language.Respond("when.today", ("time", time)),
            1 => language.Respond("when.tomorrow", ("time", time)),
            > 1 and < 7 => language.Respond("when.weekday", ("weekday", Weekday(due, language)), ("time", time)),
            _ => language.Respond(
                "when.date",
                ("date", FillDate(LocaleFormats.Pick(language, "format.day_month", locale, "{day} {month}"), due, language)),
                ("time", time)),
        };
    }

    /// <summary>A duration in days, hours, minutes and seconds, leaving out the zero parts: "2 minutes and 30 seconds".</summary>
    public static string Duration(TimeSpan duration, LanguagePack language)
    {
        long total = Math.Max(0, (long)Math.Round(duration.TotalSeconds));
        var parts = new List<string>(4);
        Add(parts, total / 86400, "day", language);
        Add(parts, total / 3600 % 24, "hour", language);
        Add(parts, total / 60 % 60, "minute", language);
        Add(parts, total % 60, "second", language);
        if (parts.Count == 0)
        {
            Add(parts, 0, "second", language, always: true);
        }

        return LocaleFormats.JoinList(language, parts);
    }

    public static string Weekday(DateTimeOffset moment, LanguagePack language) =>
        language.Respond("weekday." + ((int)moment.DayOfWeek).ToString(CultureInfo.InvariantCulture));

    private static string FillDate(string format, DateTimeOffset moment, LanguagePack language) =>
        LocaleFormats.Fill(
            format,
            ("weekday", Weekday(moment, language)),
            ("day", moment.Day.ToString(CultureInfo.InvariantCulture)),
            ("month", language.Respond("month." + moment.Month.ToString(CultureInfo.InvariantCulture))),
            ("year", moment.Year.ToString(CultureInfo.InvariantCulture)));

    private static void Add(List<string> parts, long count, string unit, LanguagePack language, bool always = false)
    {
        if (count == 0 && !always)
        {
            return;
        }

        string key = "unit." + unit + (count == 1 ? "" : "s");
        parts.Add(language.Respond(key, ("n", count.ToString(CultureInfo.InvariantCulture))));
    }
}
