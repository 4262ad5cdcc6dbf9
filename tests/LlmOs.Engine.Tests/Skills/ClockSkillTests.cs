using LlmOs.Engine.Skills.Clock;

namespace LlmOs.Engine.Tests.Skills;

public sealed class ClockSkillTests
{
    private readonly ClockSkill _skill = new();

    [Theory]
    [InlineData("en", null, 15, 5, "It's 3:05 PM.")]
    [InlineData("en", "en_US.UTF-8", 0, 30, "It's 12:30 AM.")]
    [InlineData("en", "en_GB.UTF-8", 15, 5, "It's 15:05.")]
    [InlineData("en", "en-GB", 9, 0, "It's 09:00.")]
    [InlineData("es", "es_ES.UTF-8", 15, 5, "Son las 15:05.")]
    [InlineData("es", null, 1, 5, "Es la 1:05.")]
    [InlineData("es", "es_US.UTF-8", 13, 20, "Es la 1:20 p. m.")]
    public async Task Time_now_is_said_in_the_language_and_the_locale_s_clock(string code, string? locale, int hour, int minute, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 29, hour, minute, 0, TimeSpan.FromHours(1));
        var reply = await SkillRequests.RunAsync(_skill, SkillRequests.For("time.now", language: Language(code), locale: locale, now: now));
        Assert.Equal(expected, reply.Text);
        Assert.Null(reply.Action);
    }

    [Fact]
    public async Task Time_now_is_the_caller_s_zone_even_when_now_comes_in_another_offset()
    {
        var utc = new DateTimeOffset(2026, 11, 29, 14, 5, 0, TimeSpan.Zero); // 15:05 in the caller's UTC+1
        var reply = await SkillRequests.RunAsync(_skill, SkillRequests.For("time.now", now: utc));
        Assert.Equal("It's 3:05 PM.", reply.Text);
    }

    [Theory]
    [InlineData("en", "en_GB.UTF-8", "Today is Sunday, 29 November 2026.")]
    [InlineData("en", "en_US.UTF-8", "Today is Sunday, November 29, 2026.")]
    [InlineData("en", null, "Today is Sunday, November 29, 2026.")]
    [InlineData("es", "es_ES.UTF-8", "Hoy es domingo, 29 de noviembre de 2026.")]
    public async Task Date_today_names_the_weekday_and_month_from_language_data(string code, string? locale, string expected)
    {
        var reply = await SkillRequests.RunAsync(_skill, SkillRequests.For("date.today", language: Language(code), locale: locale));
        Assert.Equal(expected, reply.Text);
    }

    private static Understanding.Language.LanguagePack Language(string code) => code == "es" ? SkillLanguages.Spanish : SkillLanguages.English;
}
