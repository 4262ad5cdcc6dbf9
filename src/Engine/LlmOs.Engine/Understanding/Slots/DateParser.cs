using System.Globalization;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Dates: "today", "tomorrow morning", "the day after tomorrow", "tonight", "on friday", "december 24th",
/// "the 24th of december 2027", "el viernes", "24 de diciembre", "mañana por la tarde".
/// </summary>
internal static class DateParser
{
    public static void Read(IReadOnlyList<string> tokens, int start, LanguageWords words, List<DateSaid> readings)
    {
        if (start >= tokens.Count || !words.CanStartDate(tokens[start]))
        {
            return;
        }

        int day = words.Days.Match(tokens, start, out var dayWord);
        if (day > 0)
        {
            AddWithPeriod(new DateSaid(day, DateKind.Offset, dayWord.Offset, default, 0, 0, 0, dayWord.Period), tokens, start, words, readings);
        }

        int preposition = words.DatePrepositions.Match(tokens, start);
        AfterPreposition(tokens, start, start, words, readings);
        if (preposition > 0)
        {
            AfterPreposition(tokens, start, start + preposition, words, readings);
        }
    }

    private static void AfterPreposition(IReadOnlyList<string> tokens, int start, int at, LanguageWords words, List<DateSaid> readings)
    {
        if (at >= tokens.Count)
        {
            return;
        }

        if (words.Weekdays.TryGetValue(tokens[at], out var weekday))
        {
            AddWithPeriod(new DateSaid(at + 1 - start, DateKind.Weekday, 0, weekday, 0, 0, 0, null), tokens, start, words, readings);
        }

        if (words.Months.TryGetValue(tokens[at], out int month))
        {
            foreach (var (length, dayOfMonth) in DaysOfMonth(tokens, at + 1, words))
            {
                AddCalendar(tokens, start, at + 1 + length, month, dayOfMonth, words, readings);
            }
        }

        foreach (var (length, dayOfMonth) in DaysOfMonth(tokens, at, words))
        {
            int monthAt = at + length;
            if (monthAt < tokens.Count && words.DateOf.Contains(tokens[monthAt]))
            {
                monthAt++;
            }

            if (monthAt < tokens.Count && words.Months.TryGetValue(tokens[monthAt], out int monthAfter))
            {
                AddCalendar(tokens, start, monthAt + 1, monthAfter, dayOfMonth, words, readings);
            }
        }
    }

    private static void AddCalendar(IReadOnlyList<string> tokens, int start, int end, int month, int day, LanguageWords words, List<DateSaid> readings)
    {
        if (day > DateTime.DaysInMonth(2024, month))
        {
            return;
        }

        AddWithPeriod(new DateSaid(end - start, DateKind.Calendar, 0, default, month, day, 0, null), tokens, start, words, readings);
        int yearAt = end < tokens.Count && words.DateOf.Contains(tokens[end]) ? end + 1 : end;
        if (yearAt < tokens.Count && tokens[yearAt].Length == 4
            && int.TryParse(tokens[yearAt], NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 2999
            && day <= DateTime.DaysInMonth(year, month))
        {
            AddWithPeriod(new DateSaid(yearAt + 1 - start, DateKind.Calendar, 0, default, month, day, year, null), tokens, start, words, readings);
        }
    }

    /// <summary>Adds the date, and the date with a part of the day after it ("tomorrow morning"), unless it names one already.</summary>
    private static void AddWithPeriod(DateSaid date, IReadOnlyList<string> tokens, int start, LanguageWords words, List<DateSaid> readings)
    {
        readings.Add(date);
        if (date.Period is null)
        {
            int period = words.Periods.Match(tokens, start + date.Length, out var said);
            if (period > 0)
            {
                readings.Add(date with { Length = date.Length + period, Period = said });
            }
        }
    }

    /// <summary>Days of a month at <paramref name="at"/>: "24", "24th", "1º", "first", "twenty fourth", "veinticuatro".</summary>
    private static List<(int Length, int Day)> DaysOfMonth(IReadOnlyList<string> tokens, int at, LanguageWords words)
    {
        var days = new List<(int, int)>(2);
        if (at >= tokens.Count)
        {
            return days;
        }

        string token = tokens[at];
        if (words.Ordinals.TryGetValue(token, out int ordinal))
        {
            days.Add((1, ordinal));
        }

        foreach (string suffix in words.OrdinalSuffixes)
        {
            if (token.Length > suffix.Length && token.EndsWith(suffix, StringComparison.Ordinal)
                && int.TryParse(token.AsSpan(0, token.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int day))
            {
                days.Add((1, day));
                break;
            }
        }

        var numbers = new List<NumberReading>(4);
        NumberParser.Read(tokens, at, words, numbers);
        foreach (var number in numbers)
        {
            if (number.Whole && number.Value is >= 1 and <= 31)
            {
                days.Add((number.Length, (int)number.Value));
                int next = at + number.Length;
                if (number.Value % 10 == 0 && next < tokens.Count && words.Ordinals.TryGetValue(tokens[next], out int unit) && unit < 10)
                {
                    days.Add((number.Length + 1, (int)number.Value + unit));
                }
            }
        }

        days.RemoveAll(d => d.Item2 is < 1 or > 31);
        return days;
    }
}
