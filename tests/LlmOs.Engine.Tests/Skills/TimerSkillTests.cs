using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills.Alarms;

namespace LlmOs.Engine.Tests.Skills;

public sealed class TimerSkillTests : IAsyncLifetime
{
    private readonly AlarmSkillsFixture _alarms = new();
    private readonly TimerSkill _skill;

    public TimerSkillTests() => _skill = new TimerSkill(_alarms.Book);

    public Task InitializeAsync() => _alarms.InitializeAsync();

    public Task DisposeAsync() => _alarms.DisposeAsync();

    private Task<IntentReply> Run(string intent, Dictionary<string, object>? slots = null) =>
        SkillRequests.RunAsync(_skill, SkillRequests.For(intent, slots));

    [Fact]
    public async Task Set_adds_a_timer_due_after_the_duration_and_says_it()
    {
        var reply = await Run("timer.set", new() { ["duration"] = 150L });
        Assert.Equal("Timer set for 2 minutes and 30 seconds.", reply.Text);
        Assert.Null(reply.Action);
        var timer = Assert.Single(_alarms.Book.List(SkillRequests.Uid, AlarmKind.Timer));
        Assert.Equal((SkillRequests.Now.AddSeconds(150), TimeSpan.FromSeconds(150), ""), (timer.DueAt, timer.Duration, timer.Label));
    }

    [Fact]
    public async Task Set_with_a_name_names_the_timer()
    {
        var reply = await Run("timer.set", new() { ["duration"] = 600L, ["name"] = "pasta" });
        Assert.Equal("The pasta timer is set for 10 minutes.", reply.Text);
        Assert.Equal("pasta", Assert.Single(_alarms.Book.List(SkillRequests.Uid)).Label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData("soon")]
    public async Task Set_without_a_usable_duration_asks_for_one(object? duration)
    {
        var reply = await Run("timer.set", duration is null ? [] : new() { ["duration"] = duration });
        Assert.Equal("For how long?", reply.Text);
        Assert.Empty(_alarms.Book.List(SkillRequests.Uid));
    }

    [Fact]
    public async Task Set_refuses_a_timer_longer_than_a_week()
    {
        var reply = await Run("timer.set", new() { ["duration"] = (long)TimeSpan.FromDays(8).TotalSeconds });
        Assert.Equal("I can set timers of up to 7 days.", reply.Text);
    }

    [Fact]
    public async Task Set_past_the_limit_says_so()
    {
        for (int i = 0; i < AlarmBook.MaxPerOwner; i++)
        {
            await Run("timer.set", new() { ["duration"] = 60L + i });
        }

        var reply = await Run("timer.set", new() { ["duration"] = 60L });
        Assert.Equal("You already have 100 timers and reminders. Cancel some first.", reply.Text);
    }

    [Fact]
    public async Task Cancel_by_name_cancels_that_timer_only()
    {
        await Run("timer.set", new() { ["duration"] = 600L, ["name"] = "pasta" });
        await Run("timer.set", new() { ["duration"] = 300L, ["name"] = "eggs" });
        var reply = await Run("timer.cancel", new() { ["name"] = "Pasta" });
        Assert.Equal("The pasta timer is cancelled.", reply.Text);
        Assert.Equal("eggs", Assert.Single(_alarms.Book.List(SkillRequests.Uid)).Label);
    }

    [Fact]
    public async Task Cancel_without_a_name_cancels_the_newest()
    {
        await Run("timer.set", new() { ["duration"] = 600L });
        _alarms.Time.Advance(TimeSpan.FromSeconds(1));
        await Run("timer.set", new() { ["duration"] = 120L });
        var reply = await Run("timer.cancel");
        Assert.Equal("The timer for 2 minutes is cancelled.", reply.Text);
        Assert.Equal(TimeSpan.FromMinutes(10), Assert.Single(_alarms.Book.List(SkillRequests.Uid)).Duration);
    }

    [Fact]
    public async Task Cancel_says_when_there_is_nothing_to_cancel()
    {
        Assert.Equal("You have no timers.", (await Run("timer.cancel")).Text);
        await Run("timer.set", new() { ["duration"] = 60L, ["name"] = "pasta" });
        Assert.Equal("You have no timer called tea.", (await Run("timer.cancel", new() { ["name"] = "tea" })).Text);
    }

    [Fact]
    public async Task A_timer_that_fired_is_no_longer_listed_nor_said_cancelled()
    {
        await Run("timer.set", new() { ["duration"] = 60L, ["name"] = "pasta" });
        var picked = Assert.Single(_alarms.Book.List(SkillRequests.Uid));
        _alarms.Time.Advance(TimeSpan.FromMinutes(1)); // it fires between the pick and the cancel

        string reply = await AlarmReplies.CancelThisAsync(
            _alarms.Book, picked, SkillRequests.For("timer.cancel"), _ => "cancelled", CancellationToken.None);
        Assert.Equal("The pasta timer is done.", reply);
        Assert.Equal("You have no timers.", (await Run("timer.cancel", new() { ["name"] = "pasta" })).Text);
        Assert.Equal("You have no timers.", (await Run("timer.list")).Text);
        Assert.Single(_alarms.Book.Undelivered(SkillRequests.Uid)); // fired, kept for its owner, not pending
    }

    [Fact]
    public async Task List_says_each_timer_with_the_time_left_soonest_first()
    {
        Assert.Equal("You have no timers.", (await Run("timer.list")).Text);
        await Run("timer.set", new() { ["duration"] = 600L });
        await Run("timer.set", new() { ["duration"] = 300L, ["name"] = "eggs" });
        Assert.Equal(
            "You have 2 timers: eggs with 5 minutes left and one for 10 minutes with 10 minutes left.",
            (await Run("timer.list")).Text);
    }

    [Fact]
    public async Task Spanish_replies_come_from_the_spanish_data()
    {
        var reply = await SkillRequests.RunAsync(_skill, SkillRequests.For("timer.set", new() { ["duration"] = 90L }, SkillLanguages.Spanish));
        Assert.Equal("Temporizador de 1 minuto y 30 segundos en marcha.", reply.Text);
    }

    [Fact]
    public async Task A_timer_falls_due_after_its_duration_with_a_text_to_tell_the_owner()
    {
        var fired = new List<AlarmDue>();
        _alarms.Book.Due += fired.Add;
        await Run("timer.set", new() { ["duration"] = 600L, ["name"] = "pasta" });
        await Run("timer.set", new() { ["duration"] = 900L });
        _alarms.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(
            ["The pasta timer is done.", "Time's up!"],
            fired.Select(d => AlarmDueText.For(d, SkillLanguages.English)));
        var reminder = new AlarmDue(new Alarm("1", AlarmKind.Reminder, 1000, "call Anna", SkillRequests.Now, SkillRequests.Now), SkillRequests.Now, Late: true);
        Assert.Equal("Recordatorio: call Anna.", AlarmDueText.For(reminder, SkillLanguages.Spanish));
    }
}
