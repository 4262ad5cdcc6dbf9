using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The fixed moment every corpus row is understood at, and the resolution of the corpus's time specs against it,
/// so an expected datetime slot is exact: Sunday 29 November 2026, 14:00 in Europe/Berlin (UTC+1).
/// </summary>
public static partial class CorpusClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>2026-11-29T14:00:00+01:00.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 14, 0, 0, TimeSpan.FromHours(1));

    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>
    /// A spec to the ISO 8601 local time the slot parsers produce (<c>yyyy-MM-ddTHH:mm:sszzz</c>): <c>+1h30m</c> (from
    /// now; units d, h, m, s), <c>today 17:00</c>, <c>tomorrow 09:00</c>, <c>friday 10:00</c> (the next such weekday
    /// after today) or <c>2026-12-24 18:00</c>.
    /// </summary>
    public static string Resolve(string spec)
    {
        spec = spec.Trim().ToLowerInvariant();
        DateTimeOffset moment;
        if (spec.StartsWith('+'))
        {
            var parts = Relative().Matches(spec[1..]);
            if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != spec[1..])
            {
                throw new FormatException($"bad relative time spec '{spec}'");
            }

            var offset = TimeSpan.Zero;
            foreach (Match part in parts)
            {
                int n = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                offset += part.Groups[2].Value switch
                {
                    "d" => TimeSpan.FromDays(n),
                    "h" => TimeSpan.FromHours(n),
                    "m" => TimeSpan.FromMinutes(n),
                    _ => TimeSpan.FromSeconds(n),
                };
            }

            moment = TimeZoneInfo.ConvertTime(Now + offset, Zone);
        }
        else
        {
            string[] words = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2)
            {
                throw new FormatException($"bad time spec '{spec}'");
            }

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);
            var date = words[0] switch
            {
                "today" => today,
                "tomorrow" => today.AddDays(1),
                _ when Array.IndexOf(Weekdays, words[0]) is int day and >= 0 => today.AddDays(((day - (int)today.DayOfWeek + 6) % 7) + 1),
                _ => DateOnly.ParseExact(words[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var time = TimeOnly.ParseExact(words[1], "HH:mm", CultureInfo.InvariantCulture);
            var local = date.ToDateTime(time);
            moment = new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }

        return moment.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+)([dhms])")]
    private static partial Regex Relative();
}
