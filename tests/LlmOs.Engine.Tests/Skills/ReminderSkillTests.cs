using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills.Alarms;

namespace LlmOs.Engine.Tests.Skills;

public sealed class ReminderSkillTests : IAsyncLifetime
{
    private readonly AlarmSkillsFixture _alarms = new();
    private readonly ReminderSkill _skill;

    public ReminderSkillTests() => _skill = new ReminderSkill(_alarms.Book);

    public Task InitializeAsync() => _alarms.InitializeAsync();

    public Task DisposeAsync() => _alarms.DisposeAsync();

    private Task<IntentReply> Run(string intent, Dictionary<string, object>? slots = null, string? locale = "en_US.UTF-8") =>
        SkillRequests.RunAsync(_skill, SkillRequests.For(intent, slots, locale: locale));

    [Fact]
    public async Task Add_tomorrow_at_nine_is_kept_and_said_back()
    {
        var reply = await Run("reminder.add", new() { ["text"] = "call Anna", ["when"] = "2026-11-30T09:00:00+01:00" });
        Assert.Equal("I'll remind you to call Anna tomorrow at 9:00 AM.", reply.Text);
        var reminder = Assert.Single(_alarms.Book.List(SkillRequests.Uid, AlarmKind.Reminder));
        Assert.Equal(("call Anna", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)), (reminder.Label, reminder.DueAt));
        Assert.Null(reminder.Duration);
    }

    [Theory]
    [InlineData("2026-11-29T15:15:00+01:00", "en_US.UTF-8", "I'll remind you to stretch in 10 minutes.")]
    [InlineData("2026-11-29T18:30:00+01:00", "en_GB.UTF-8", "I'll remind you to stretch today at 18:30.")]
    [InlineData("2026-12-02T08:00:00+01:00", "en_US.UTF-8", "I'll remind you to stretch on Wednesday at 8:00 AM.")]
    [InlineData("2026-12-24T20:00:00+01:00", "en_GB.UTF-8", "I'll remind you to stretch on Thursday, 24 December at 20:00.")]
    public async Task Add_says_when_as_a_person_would(string when, string locale, string expected)
    {
        var reply = await Run("reminder.add", new() { ["text"] = "stretch", ["when"] = when }, locale);
        Assert.Equal(expected, reply.Text);
    }

    [Fact]
    public async Task Add_asks_for_what_is_missing_and_refuses_the_past()
    {
        Assert.Equal("What should I remind you about?", (await Run("reminder.add", new() { ["when"] = "2026-11-30T09:00:00+01:00" })).Text);
        Assert.Equal("When should I remind you?", (await Run("reminder.add", new() { ["text"] = "call Anna" })).Text);
        Assert.Equal("When should I remind you?", (await Run("reminder.add", new() { ["text"] = "call Anna", ["when"] = "someday" })).Text);
        Assert.Equal(
            "That time has already passed. When should I remind you?",
            (await Run("reminder.add", new() { ["text"] = "call Anna", ["when"] = "2026-11-29T09:00:00+01:00" })).Text);
        Assert.Empty(_alarms.Book.List(SkillRequests.Uid));
    }

    [Fact]
    public async Task List_and_cancel_by_words_of_the_text()
    {
        Assert.Equal("You have no reminders.", (await Run("reminder.list")).Text);
        await Run("reminder.add", new() { ["text"] = "call Anna", ["when"] = "2026-11-30T09:00:00+01:00" });
        await Run("reminder.add", new() { ["text"] = "buy milk", ["when"] = "2026-11-29T18:00:00+01:00" });
        Assert.Equal(
            "You have 2 reminders: buy milk today at 6:00 PM and call Anna tomorrow at 9:00 AM.",
            (await Run("reminder.list")).Text);

        Assert.Equal("I won't remind you to call Anna.", (await Run("reminder.cancel", new() { ["text"] = "anna" })).Text);
        Assert.Equal("I couldn't find a reminder about the dentist.", (await Run("reminder.cancel", new() { ["text"] = "the dentist" })).Text);
        Assert.Equal("I won't remind you to buy milk.", (await Run("reminder.cancel")).Text);
        Assert.Empty(_alarms.Book.List(SkillRequests.Uid));
    }

    [Fact]
    public async Task Spanish_says_it_in_spanish_on_a_24_hour_clock()
    {
        var reply = await SkillRequests.RunAsync(_skill, SkillRequests.For(
            "reminder.add",
            new() { ["text"] = "llamar a Ana", ["when"] = "2026-11-30T09:00:00+01:00" },
            SkillLanguages.Spanish,
            "es_ES.UTF-8"));
        Assert.Equal("Te recordaré llamar a Ana mañana a las 9:00.", reply.Text);
    }
}
