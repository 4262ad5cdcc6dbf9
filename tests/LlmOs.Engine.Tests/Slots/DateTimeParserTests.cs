using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

/// <summary>Now is Sunday 29 November 2026, 14:10 UTC, unless a test says otherwise.</summary>
public sealed class DateTimeParserTests
{
    [Theory]
    [InlineData("in ten minutes", "2026-11-29T14:20:00+00:00")]
    [InlineData("in 2 hours", "2026-11-29T16:10:00+00:00")]
    [InlineData("in an hour and a half", "2026-11-29T15:40:00+00:00")]
    [InlineData("in 90 seconds", "2026-11-29T14:11:30+00:00")]
    [InlineData("in 3 days", "2026-12-02T14:10:00+00:00")]
    [InlineData("ten minutes from now", "2026-11-29T14:20:00+00:00")]
    [InlineData("half an hour", "2026-11-29T14:40:00+00:00")]
    [InlineData("at 5 pm", "2026-11-29T17:00:00+00:00")]
    [InlineData("at 5 p.m.", "2026-11-29T17:00:00+00:00")]
    [InlineData("at 5pm", "2026-11-29T17:00:00+00:00")]
    [InlineData("5 pm", "2026-11-29T17:00:00+00:00")]
    [InlineData("at 5:30 pm", "2026-11-29T17:30:00+00:00")]
    [InlineData("at 5", "2026-11-29T17:00:00+00:00")]
    [InlineData("at 9", "2026-11-29T21:00:00+00:00")]
    [InlineData("at 2", "2026-11-30T02:00:00+00:00")]
    [InlineData("at 9 am", "2026-11-30T09:00:00+00:00")]
    [InlineData("at nine in the morning", "2026-11-30T09:00:00+00:00")]
    [InlineData("at 3 in the afternoon", "2026-11-29T15:00:00+00:00")]
    [InlineData("at 8 at night", "2026-11-29T20:00:00+00:00")]
    [InlineData("at 12 at night", "2026-11-30T00:00:00+00:00")]
    [InlineData("at 2 in the morning", "2026-11-30T02:00:00+00:00")]
    [InlineData("at 17:30", "2026-11-29T17:30:00+00:00")]
    [InlineData("at 09:15", "2026-11-30T09:15:00+00:00")]
    [InlineData("at 0:30", "2026-11-30T00:30:00+00:00")]
    [InlineData("at 12 am", "2026-11-30T00:00:00+00:00")]
    [InlineData("at 12 pm", "2026-11-30T12:00:00+00:00")]
    [InlineData("at noon", "2026-11-30T12:00:00+00:00")]
    [InlineData("at midnight", "2026-11-30T00:00:00+00:00")]
    [InlineData("at five o'clock", "2026-11-29T17:00:00+00:00")]
    [InlineData("at ten thirty", "2026-11-29T22:30:00+00:00")]
    [InlineData("at half past eleven", "2026-11-29T23:30:00+00:00")]
    [InlineData("half past eleven", "2026-11-29T23:30:00+00:00")]
    [InlineData("at quarter past 3", "2026-11-29T15:15:00+00:00")]
    [InlineData("at a quarter to four", "2026-11-29T15:45:00+00:00")]
    [InlineData("at twenty to five", "2026-11-29T16:40:00+00:00")]
    [InlineData("quarter to midnight", "2026-11-29T23:45:00+00:00")]
    [InlineData("half past midnight", "2026-11-30T00:30:00+00:00")]
    [InlineData("at quarter to one", "2026-11-30T00:45:00+00:00")]
    [InlineData("tomorrow", "2026-11-30T09:00:00+00:00")]
    [InlineData("tomorrow at noon", "2026-11-30T12:00:00+00:00")]
    [InlineData("tomorrow at 9", "2026-11-30T09:00:00+00:00")]
    [InlineData("tomorrow at 3", "2026-11-30T15:00:00+00:00")]
    [InlineData("tomorrow at 7:45 am", "2026-11-30T07:45:00+00:00")]
    [InlineData("tomorrow morning", "2026-11-30T09:00:00+00:00")]
    [InlineData("tomorrow evening", "2026-11-30T19:00:00+00:00")]
    [InlineData("tomorrow morning at 8", "2026-11-30T08:00:00+00:00")]
    [InlineData("at 9 tomorrow", "2026-11-30T09:00:00+00:00")]
    [InlineData("at 5 pm tomorrow", "2026-11-30T17:00:00+00:00")]
    [InlineData("the day after tomorrow at 9", "2026-12-01T09:00:00+00:00")]
    [InlineData("today at 6", "2026-11-29T18:00:00+00:00")]
    [InlineData("today at 4:30", "2026-11-29T16:30:00+00:00")]
    [InlineData("tonight", "2026-11-29T21:00:00+00:00")]
    [InlineData("tonight at 8", "2026-11-29T20:00:00+00:00")]
    [InlineData("tonight at 11:30", "2026-11-29T23:30:00+00:00")]
    [InlineData("tonight at midnight", "2026-11-30T00:00:00+00:00")]
    [InlineData("tonight at 1", "2026-11-30T01:00:00+00:00")]
    [InlineData("this evening", "2026-11-29T19:00:00+00:00")]
    [InlineData("on friday", "2026-12-04T09:00:00+00:00")]
    [InlineData("on friday at 3", "2026-12-04T15:00:00+00:00")]
    [InlineData("friday at 3", "2026-12-04T15:00:00+00:00")]
    [InlineData("at 3 on friday", "2026-12-04T15:00:00+00:00")]
    [InlineData("next monday at 10 am", "2026-11-30T10:00:00+00:00")]
    [InlineData("on sunday at 3", "2026-11-29T15:00:00+00:00")]
    [InlineData("on sunday at 10", "2026-12-06T10:00:00+00:00")]
    [InlineData("december 24th", "2026-12-24T09:00:00+00:00")]
    [InlineData("december 24th at 5 pm", "2026-12-24T17:00:00+00:00")]
    [InlineData("on the 24th of december", "2026-12-24T09:00:00+00:00")]
    [InlineData("dec 24 at 6:30 pm", "2026-12-24T18:30:00+00:00")]
    [InlineData("january 1st", "2027-01-01T09:00:00+00:00")]
    [InlineData("on the twenty first of march", "2027-03-21T09:00:00+00:00")]
    [InlineData("march 3rd 2028 at noon", "2028-03-03T12:00:00+00:00")]
    public void English_moments_resolve_against_now(string text, string expected) =>
        Assert.Equal(expected, Whole(SlotTypes.DateTime, text, Context()));

    [Theory]
    [InlineData("en diez minutos", "2026-11-29T14:20:00+00:00")]
    [InlineData("dentro de media hora", "2026-11-29T14:40:00+00:00")]
    [InlineData("dentro de una hora y media", "2026-11-29T15:40:00+00:00")]
    [InlineData("a las cinco de la tarde", "2026-11-29T17:00:00+00:00")]
    [InlineData("a las 5 pm", "2026-11-29T17:00:00+00:00")]
    [InlineData("a las 17:30", "2026-11-29T17:30:00+00:00")]
    [InlineData("a las once y media", "2026-11-29T23:30:00+00:00")]
    [InlineData("a las tres menos cuarto", "2026-11-29T14:45:00+00:00")]
    [InlineData("a las tres y cuarto", "2026-11-29T15:15:00+00:00")]
    [InlineData("a las tres y veinte", "2026-11-29T15:20:00+00:00")]
    [InlineData("a la una y media", "2026-11-30T01:30:00+00:00")]
    [InlineData("a las 3 y 20", "2026-11-29T15:20:00+00:00")]
    [InlineData("a las tres y cinco", "2026-11-29T15:05:00+00:00")]
    [InlineData("a las doce menos diez", "2026-11-29T23:50:00+00:00")]
    [InlineData("a las nueve de la noche", "2026-11-29T21:00:00+00:00")]
    [InlineData("a las siete de la mañana", "2026-11-30T07:00:00+00:00")]
    [InlineData("a las doce en punto", "2026-11-30T00:00:00+00:00")]
    [InlineData("a mediodía", "2026-11-30T12:00:00+00:00")]
    [InlineData("a mediodia", "2026-11-30T12:00:00+00:00")]
    [InlineData("a medianoche", "2026-11-30T00:00:00+00:00")]
    [InlineData("mañana", "2026-11-30T09:00:00+00:00")]
    [InlineData("manana a las 9", "2026-11-30T09:00:00+00:00")]
    [InlineData("mañana a mediodía", "2026-11-30T12:00:00+00:00")]
    [InlineData("mañana por la tarde", "2026-11-30T16:00:00+00:00")]
    [InlineData("mañana por la mañana", "2026-11-30T09:00:00+00:00")]
    [InlineData("pasado mañana a las 10", "2026-12-01T10:00:00+00:00")]
    [InlineData("esta noche", "2026-11-29T21:00:00+00:00")]
    [InlineData("esta noche a las 8", "2026-11-29T20:00:00+00:00")]
    [InlineData("el viernes a las 3", "2026-12-04T15:00:00+00:00")]
    [InlineData("el miercoles", "2026-12-02T09:00:00+00:00")]
    [InlineData("24 de diciembre", "2026-12-24T09:00:00+00:00")]
    [InlineData("el 24 de diciembre a las 8 de la tarde", "2026-12-24T20:00:00+00:00")]
    [InlineData("el 1º de enero", "2027-01-01T09:00:00+00:00")]
    [InlineData("el primero de enero de 2028", "2028-01-01T09:00:00+00:00")]
    public void Spanish_moments_resolve_against_now(string text, string expected) =>
        Assert.Equal(expected, Whole(SlotTypes.DateTime, text, Context("es")));

    [Theory]
    [InlineData("in 20 minutes", "2026-11-30T00:10:00+00:00")]
    [InlineData("in an hour", "2026-11-30T00:50:00+00:00")]
    [InlineData("at 11", "2026-11-30T11:00:00+00:00")]
    [InlineData("at midnight", "2026-11-30T00:00:00+00:00")]
    [InlineData("at 23:55", "2026-11-29T23:55:00+00:00")]
    [InlineData("at 23:45", "2026-11-30T23:45:00+00:00")]
    [InlineData("tomorrow at 9", "2026-11-30T09:00:00+00:00")]
    [InlineData("quarter to midnight", "2026-11-30T23:45:00+00:00")]
    public void Times_cross_midnight_into_the_next_day(string text, string expected) =>
        Assert.Equal(expected, Whole(SlotTypes.DateTime, text, Context(now: new DateTimeOffset(2026, 11, 29, 23, 50, 0, TimeSpan.Zero))));

    [Theory]
    [InlineData("America/New_York", "at 5 pm", "2026-11-29T17:00:00-05:00")]
    [InlineData("America/New_York", "in ten minutes", "2026-11-29T09:20:00-05:00")]
    [InlineData("America/New_York", "at 9", "2026-11-29T21:00:00-05:00")]
    [InlineData("America/New_York", "tomorrow at noon", "2026-11-30T12:00:00-05:00")]
    [InlineData("Europe/Madrid", "at 5 pm", "2026-11-29T17:00:00+01:00")]
    [InlineData("Europe/Madrid", "at 3 pm", "2026-11-30T15:00:00+01:00")]
    [InlineData("Asia/Kolkata", "at 8 pm", "2026-11-29T20:00:00+05:30")]
    [InlineData("Asia/Kolkata", "at 7 pm", "2026-11-30T19:00:00+05:30")]
    [InlineData("Pacific/Auckland", "tomorrow at 9", "2026-12-01T09:00:00+13:00")]
    public void Times_are_in_the_callers_zone(string zone, string text, string expected) =>
        Assert.Equal(expected, Whole(SlotTypes.DateTime, text, Context(zone: zone)));

    [Fact]
    public void Tomorrow_is_the_callers_tomorrow_when_the_zones_are_on_different_days()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-11-29T09:00:00-05:00", Whole(SlotTypes.DateTime, "tomorrow at 9", Context(now: lateEvening, zone: "America/New_York")));
    }

    [Theory]
    [InlineData("tomorrow at noon", "2026-03-08T12:00:00-04:00")]
    [InlineData("in 24 hours", "2026-03-08T13:00:00-04:00")]
    [InlineData("tomorrow at 2:30 am", "2026-03-08T03:00:00-04:00")]
    [InlineData("at 11 pm", "2026-03-07T23:00:00-05:00")]
    public void Daylight_saving_uses_the_offset_at_the_resulting_moment(string text, string expected) =>
        Assert.Equal(expected, Whole(SlotTypes.DateTime, text, Context(now: new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.FromHours(-5)), zone: "America/New_York")));

    [Theory]
    [InlineData("5")]
    [InlineData("apples")]
    [InlineData("at")]
    [InlineData("in")]
    [InlineData("at apples")]
    [InlineData("on")]
    public void Words_that_are_no_moment_read_nothing(string text) =>
        Assert.Empty(Parse(SlotTypes.DateTime, text, Context()));

    [Fact]
    public void A_moment_is_read_where_the_matcher_asks_for_it()
    {
        var context = Context();
        var tokens = context.Language.Normalize("remind me to call Anna tomorrow at 9").Tokens;

        var readings = SlotParsers.Parse(SlotTypes.DateTime, tokens, 5, context).ToList();

        Assert.Equal((3, "2026-11-30T09:00:00+00:00"), (readings[0].Length, (string)readings[0].Value));
        Assert.Empty(SlotParsers.Parse(SlotTypes.DateTime, tokens, 4, context));
    }

    [Theory]
    [InlineData("en", "remind me at 9", 3, "2026-11-29T21:00:00+00:00")]
    [InlineData("en", "call anna 9", 2, null)]
    [InlineData("es", "recuérdame a las 9", 3, "2026-11-29T21:00:00+00:00")]
    public void A_bare_hour_is_a_time_right_after_an_at_outside_the_slot(string language, string text, int start, string? expected)
    {
        var context = Context(language);
        var tokens = context.Language.Normalize(text).Tokens;

        var readings = SlotParsers.Parse(SlotTypes.DateTime, tokens, start, context).ToList();

        Assert.Equal(expected, readings.Count > 0 ? readings[0].Value : null);
    }

    [Fact]
    public void A_moment_followed_by_other_words_reads_its_own_words_longest_first()
    {
        var readings = Parse(SlotTypes.DateTime, "tomorrow at 5 pm to call anna", Context());

        Assert.Equal([4, 3, 1], readings.Select(r => r.Length));
        Assert.Equal("2026-11-30T17:00:00+00:00", readings[0].Value);
    }
}
