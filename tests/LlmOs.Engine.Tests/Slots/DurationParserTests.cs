using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("en", "90 seconds", 90)]
    [InlineData("en", "1 second", 1)]
    [InlineData("en", "ten minutes", 600)]
    [InlineData("en", "an hour", 3600)]
    [InlineData("en", "a minute", 60)]
    [InlineData("en", "an hour and a half", 5400)]
    [InlineData("en", "a minute and a half", 90)]
    [InlineData("en", "two and a half minutes", 150)]
    [InlineData("en", "two hours and a half", 9000)]
    [InlineData("en", "1.5 hours", 5400)]
    [InlineData("en", "2 and a half minutes", 150)]
    [InlineData("en", "one and a half hours", 5400)]
    [InlineData("en", "1 hour 30 minutes", 5400)]
    [InlineData("en", "1 hour and 30 minutes", 5400)]
    [InlineData("en", "2 hours, 15 minutes and 10 seconds", 8110)]
    [InlineData("en", "1h30", 5400)]
    [InlineData("en", "1h30m", 5400)]
    [InlineData("en", "90s", 90)]
    [InlineData("en", "10min", 600)]
    [InlineData("en", "2.5h", 9000)]
    [InlineData("en", "5 m", 300)]
    [InlineData("en", "half an hour", 1800)]
    [InlineData("en", "a half hour", 1800)]
    [InlineData("en", "a quarter of an hour", 900)]
    [InlineData("en", "three quarters of an hour", 2700)]
    [InlineData("en", "twenty-five minutes", 1500)]
    [InlineData("en", "a day", 86400)]
    [InlineData("en", "two weeks", 1209600)]
    [InlineData("es", "noventa segundos", 90)]
    [InlineData("es", "diez minutos", 600)]
    [InlineData("es", "una hora", 3600)]
    [InlineData("es", "una hora y media", 5400)]
    [InlineData("es", "hora y media", 5400)]
    [InlineData("es", "un minuto y medio", 90)]
    [InlineData("es", "dos minutos y medio", 150)]
    [InlineData("es", "dos horas y media", 9000)]
    [InlineData("es", "media hora", 1800)]
    [InlineData("es", "un cuarto de hora", 900)]
    [InlineData("es", "tres cuartos de hora", 2700)]
    [InlineData("es", "una hora y treinta minutos", 5400)]
    [InlineData("es", "veinticinco minutos", 1500)]
    [InlineData("es", "dos días", 172800)]
    [InlineData("es", "dos dias", 172800)]
    [InlineData("es", "1h30", 5400)]
    public void Durations_read_in_whole_seconds(string language, string text, long seconds) =>
        Assert.Equal(seconds, Whole(SlotTypes.Duration, text, Context(language)));

    [Theory]
    [InlineData("en", "ten")]
    [InlineData("en", "minute")]
    [InlineData("en", "hours")]
    [InlineData("en", "5pm")]
    [InlineData("en", "24th")]
    [InlineData("en", "a timer")]
    [InlineData("es", "hora")]
    public void Words_that_are_no_duration_read_nothing(string language, string text) =>
        Assert.Empty(Parse(SlotTypes.Duration, text, Context(language)));

    [Fact]
    public void Shorter_readings_follow_the_longest()
    {
        var readings = Parse(SlotTypes.Duration, "1 hour and 30 minutes to go", Context());

        Assert.Equal([(5, 5400L), (2, 3600L)], readings.Select(r => (r.Length, (long)r.Value)));
    }

    [Fact]
    public void Parts_join_largest_unit_first_only()
    {
        var readings = Parse(SlotTypes.Duration, "30 minutes 1 hour", Context());

        Assert.Equal(2, Assert.Single(readings).Length);
    }
}
