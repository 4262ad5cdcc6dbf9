using LlmOs.Engine.Skills.Desktop;

namespace LlmOs.Engine.Tests.Skills;

public sealed class ActionSkillTests
{
    [Theory]
    [InlineData(50.0, 50L, "Volume set to 50%.")]
    [InlineData(33.6, 34L, "Volume set to 34%.")]
    [InlineData(250.0, 100L, "Volume set to 100%.")]
    [InlineData(-3.0, 0L, "Volume set to 0%.")]
    public async Task Volume_set_acts_with_the_level_in_percent(double level, long expected, string text)
    {
        var reply = await SkillRequests.RunAsync(new VolumeSkill(), SkillRequests.For("volume.set", new() { ["level"] = level }));
        Assert.Equal(text, reply.Text);
        Assert.Equal(new Dictionary<string, object> { ["type"] = "volume.set", ["level"] = expected }, reply.Action);
    }

    [Fact]
    public async Task Volume_set_without_a_level_asks()
    {
        var reply = await SkillRequests.RunAsync(new VolumeSkill(), SkillRequests.For("volume.set"));
        Assert.Equal(("To what level?", null), (reply.Text, reply.Action));
    }

    [Theory]
    [InlineData("up", "Turning the volume up.")]
    [InlineData("down", "Turning the volume down.")]
    public async Task Volume_change_acts_with_the_direction_and_step(string direction, string text)
    {
        var reply = await SkillRequests.RunAsync(new VolumeSkill(), SkillRequests.For("volume.change", new() { ["direction"] = direction }));
        Assert.Equal(text, reply.Text);
        Assert.Equal(new Dictionary<string, object> { ["type"] = "volume.change", ["direction"] = direction, ["step"] = 10L }, reply.Action);
    }

    [Fact]
    public async Task Volume_change_without_a_direction_asks()
    {
        var reply = await SkillRequests.RunAsync(new VolumeSkill(), SkillRequests.For("volume.change", new() { ["direction"] = "sideways" }));
        Assert.Equal(("Up or down?", null), (reply.Text, reply.Action));
    }

    [Theory]
    [InlineData(null, true, "Muted.")]
    [InlineData("on", true, "Muted.")]
    [InlineData("off", false, "Unmuted.")]
    public async Task Volume_mute_mutes_by_default_and_unmutes_for_off(string? state, bool mute, string text)
    {
        var reply = await SkillRequests.RunAsync(new VolumeSkill(), SkillRequests.For("volume.mute", state is null ? null : new() { ["state"] = state }));
        Assert.Equal(text, reply.Text);
        Assert.Equal(new Dictionary<string, object> { ["type"] = "volume.mute", ["mute"] = mute }, reply.Action);
    }

    [Theory]
    [InlineData("screen.lock", "Locking the screen.")]
    [InlineData("screenshot.take", "Taking a screenshot.")]
    public async Task Screen_skills_act_with_their_type(string intent, string text)
    {
        var reply = await SkillRequests.RunAsync(new ScreenSkill(), SkillRequests.For(intent));
        Assert.Equal(text, reply.Text);
        Assert.Equal(new Dictionary<string, object> { ["type"] = intent }, reply.Action);
    }
}
