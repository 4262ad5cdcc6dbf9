using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Intents;

namespace LlmOs.Daemon.Tests.Intents;

public sealed class IntentDefinitionValidatorTests
{
    private static EngineException Refused(IReadOnlyList<IntentDto>? intents, string field, ErrorKind kind = ErrorKind.InvalidInput)
    {
        var e = Assert.Throws<EngineException>(() => IntentDefinitionValidator.Validate(intents, "intents"));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    [Fact]
    public void Valid_intents_become_engine_definitions_with_their_examples_slots_and_description()
    {
        var definitions = IntentDefinitionValidator.Validate(
            [
                new IntentDto("timer.set", ["set a timer for {minutes} minutes"], new Dictionary<string, string> { ["minutes"] = "integer" }, "Starts a timer"),
                new IntentDto("org.example.app.play-song_2"),
            ],
            "intents");

        Assert.Equal(2, definitions.Count);
        Assert.Equal("timer.set", definitions[0].Name);
        Assert.Equal(["set a timer for {minutes} minutes"], definitions[0].Examples);
        Assert.Equal("integer", definitions[0].Slots["minutes"]);
        Assert.Equal("Starts a timer", definitions[0].Description);
        Assert.Empty(definitions[1].Examples);
        Assert.Empty(definitions[1].Slots);
        Assert.Null(definitions[1].Description);
    }

    [Fact]
    public void No_intents_are_refused()
    {
        Refused(null, "intents");
        Refused([], "intents");
    }

    [Fact]
    public void More_intents_than_the_limit_are_too_large()
    {
        var many = Enumerable.Range(0, IntentDefinitionValidator.MaxIntents + 1).Select(i => new IntentDto($"intent.n{i}")).ToList();
        Refused(many, "intents", ErrorKind.TooLarge);
        Assert.Equal(IntentDefinitionValidator.MaxIntents, IntentDefinitionValidator.Validate(many[..^1], "intents").Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".timer")]
    [InlineData("timer.")]
    [InlineData("timer..set")]
    [InlineData("timer set")]
    [InlineData("timer/set")]
    [InlineData("minuteur.réglé")]
    public void Bad_names_are_refused_naming_the_field(string name) =>
        Refused([new IntentDto("ok.one"), new IntentDto(name)], "intents[1].name");

    [Fact]
    public void A_missing_name_a_null_entry_and_a_name_listed_twice_are_refused()
    {
        Refused([new IntentDto(null)], "intents[0].name");
        Refused([new IntentDto("a.b"), null!], "intents[1]");
        Assert.Contains("twice", Refused([new IntentDto("a.b"), new IntentDto("a.b")], "intents[1].name").Message);
        Refused([new IntentDto(new string('a', 129))], "intents[0].name");
        Assert.Single(IntentDefinitionValidator.Validate([new IntentDto(new string('a', 128))], "intents"));
    }

    [Fact]
    public void Too_many_empty_or_long_examples_are_refused()
    {
        var many = Enumerable.Repeat("open the app", IntentDefinitionValidator.MaxExamples + 1).ToList();
        Refused([new IntentDto("app.open", many)], "intents[0].examples");
        Refused([new IntentDto("app.open", ["open", " "])], "intents[0].examples");
        Refused([new IntentDto("app.open", [new string('x', IntentDefinitionValidator.MaxExampleLength + 1)])], "intents[0].examples");
        Assert.Single(IntentDefinitionValidator.Validate([new IntentDto("app.open", many[..^1])], "intents"));
    }

    [Fact]
    public void Bad_slots_and_long_descriptions_are_refused()
    {
        Refused([new IntentDto("app.open", Slots: new Dictionary<string, string> { [""] = "text" })], "intents[0].slots");
        Refused([new IntentDto("app.open", Slots: new Dictionary<string, string> { ["app"] = "" })], "intents[0].slots");
        Refused([new IntentDto("app.open", Slots: new Dictionary<string, string> { [new string('s', 65)] = "text" })], "intents[0].slots");
        var many = Enumerable.Range(0, IntentDefinitionValidator.MaxSlots + 1).ToDictionary(i => $"s{i}", _ => "text");
        Refused([new IntentDto("app.open", Slots: many)], "intents[0].slots");
        Refused([new IntentDto("app.open", Description: new string('d', IntentDefinitionValidator.MaxDescriptionLength + 1))], "intents[0].description");
    }
}
