using LlmOs.Engine.Assistant;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Skills.Writing;

namespace LlmOs.Engine.Tests.Skills;

public sealed class WritingSkillTests
{
    [Theory]
    [InlineData("chat")]
    [InlineData("translate.text")]
    [InlineData("text.summarize")]
    [InlineData("text.write")]
    public async Task Without_a_language_model_each_says_so_plainly(string intent)
    {
        await using var harness = new SchedulerHarness(); // no models
        var calls = new LanguageModelCalls(harness.Create(new FakeTextBackend(), new SchedulerOptions()), harness.Registry);
        var skill = Skill(intent, calls);
        var reply = await SkillRequests.RunAsync(skill, SkillRequests.For(
            intent,
            new() { ["text"] = "good morning", ["language"] = "fr", ["topic"] = "autumn" },
            utterance: "why is the sky blue"));
        Assert.True(skill.UsesLanguageModel);
        Assert.Equal("No language model is installed, so I can't answer that. Add one with 'llmosctl models add PATH'.", reply.Text);
        Assert.Null(reply.Action);
    }

    [Fact]
    public async Task Translate_asks_the_default_model_with_its_prompt_and_the_text_as_the_caller()
    {
        await using var harness = new SchedulerHarness("stories");
        var backend = new FakeTextBackend { Pieces = [" Bon", "jour", " !"] };
        var calls = new LanguageModelCalls(harness.Create(backend, new SchedulerOptions()), harness.Registry);
        var reply = await SkillRequests.RunAsync(
            new TranslateSkill(calls),
            SkillRequests.For("translate.text", new() { ["text"] = "good morning", ["language"] = "fr" }));

        Assert.Equal("Bonjour !", reply.Text);
        string prompt = Assert.Single(backend.StartedPrompts);
        Assert.Contains("Translate the user's text into French.", prompt, StringComparison.Ordinal);
        Assert.Contains("good morning", prompt, StringComparison.Ordinal);
        Assert.Contains(harness.Store.List(SkillRequests.Uid), t => t.OwnerUid == SkillRequests.Uid);
    }

    [Fact]
    public async Task Chat_answers_the_utterance_and_the_others_ask_for_what_is_missing()
    {
        await using var harness = new SchedulerHarness("stories");
        var backend = new FakeTextBackend { Pieces = ["Because of ", "Rayleigh scattering."] };
        var calls = new LanguageModelCalls(harness.Create(backend, new SchedulerOptions()), harness.Registry);
        var chat = await SkillRequests.RunAsync(new ChatSkill(calls), SkillRequests.For("chat", utterance: "why is the sky blue"));
        Assert.Equal("Because of Rayleigh scattering.", chat.Text);
        Assert.Contains("why is the sky blue", Assert.Single(backend.StartedPrompts), StringComparison.Ordinal);

        Assert.Equal("What should I translate?", (await SkillRequests.RunAsync(new TranslateSkill(calls), SkillRequests.For("translate.text"))).Text);
        Assert.Equal("Into which language?", (await SkillRequests.RunAsync(new TranslateSkill(calls), SkillRequests.For("translate.text", new() { ["text"] = "hi" }))).Text);
        Assert.Equal("What should I summarize?", (await SkillRequests.RunAsync(new SummarizeSkill(calls), SkillRequests.For("text.summarize"))).Text);
        Assert.Equal("What should I write about?", (await SkillRequests.RunAsync(new WriteSkill(calls), SkillRequests.For("text.write"))).Text);
        Assert.Single(backend.StartedPrompts);
    }

    private static ISkill Skill(string intent, LanguageModelCalls calls) => intent switch
    {
        "chat" => new ChatSkill(calls),
        "translate.text" => new TranslateSkill(calls),
        "text.summarize" => new SummarizeSkill(calls),
        _ => new WriteSkill(calls),
    };
}
