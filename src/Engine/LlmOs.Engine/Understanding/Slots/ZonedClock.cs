using System.Globalization;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>Wall-clock times in a time zone, with the zone's offset at that moment (so daylight saving is right on either side of a change).</summary>
internal static class ZonedClock
{
    /// <summary>The format of <see cref="SlotTypes.DateTime"/> values.</summary>
    public const string Format = "yyyy-MM-ddTHH:mm:sszzz";

    /// <summary>
    /// The moment a wall clock in <paramref name="zone"/> shows <paramref name="hour"/>:<paramref name="minute"/> on
    /// <paramref name="day"/>. A time skipped by a daylight-saving change (02:30 on a spring-forward night) moves
    /// forward past the gap; a time that happens twice is the first.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        for (int i = 0; i < 4 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static string Text(DateTimeOffset moment) => moment.ToString(Format, CultureInfo.InvariantCulture);
}
