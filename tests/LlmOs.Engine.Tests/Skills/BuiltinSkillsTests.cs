using LlmOs.Engine.Assistant;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Skills.Desktop;

namespace LlmOs.Engine.Tests.Skills;

public sealed class BuiltinSkillsTests
{
    [Fact]
    public async Task Every_built_in_intent_has_exactly_one_skill()
    {
        var alarms = new AlarmSkillsFixture();
        await alarms.InitializeAsync();
        try
        {
            await using var harness = new SchedulerHarness();
            var calls = new LanguageModelCalls(harness.Create(new FakeTextBackend(), new SchedulerOptions()), harness.Registry);
            var skills = BuiltinSkills.Create(alarms.Book, calls, TimeProvider.System, new DesktopApps([]));
            var catalog = new SkillCatalog(skills); // throws on two skills for one intent

            string[] expected =
            [
                "time.now", "date.today", "timer.set", "timer.cancel", "timer.list", "reminder.add", "reminder.list", "reminder.cancel",
                "calc.evaluate", "app.open", "volume.set", "volume.change", "volume.mute", "screen.lock", "screenshot.take",
                "translate.text", "text.summarize", "text.write", "chat", "image.describe", "image.read_text",
            ];
            Assert.Equal(expected.Order(), catalog.Intents.Order());
            Assert.Equal(["chat", "image.describe", "text.summarize", "text.write", "translate.text"], skills.Where(s => s.UsesLanguageModel).SelectMany(s => s.Intents).Order());
        }
        finally
        {
            await alarms.DisposeAsync();
        }
    }

    [Fact]
    public void Spanish_has_every_reply_english_has()
    {
        // Region overrides (format.clock.GB) are each language's own business.
        static bool Regional(string key) => key[(key.LastIndexOf('.') + 1)..] is { Length: 2 } last && last.All(char.IsAsciiLetterUpper);
        var spanish = SkillLanguages.Spanish.Responses;
        Assert.DoesNotContain(SkillLanguages.English.Responses.Keys, k => !Regional(k) && !spanish.ContainsKey(k));
    }
}
