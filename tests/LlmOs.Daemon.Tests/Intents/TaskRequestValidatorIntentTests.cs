using System.Text.Json;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Tests.Intents;

public sealed class TaskRequestValidatorIntentTests
{
    private readonly TaskRequestValidator _validator = new(new DaemonSettings { MaxPromptChars = 100 });

    private static TaskSubmitRequest Request(string? intent = "timer.set", string? slotsJson = null, string? utterance = null, TaskOptions? options = null) =>
        new("intent", new TaskInput(null, Intent: intent, Slots: slotsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(slotsJson), Utterance: utterance), options);

    private EngineException Refused(TaskSubmitRequest request, string field, ErrorKind kind = ErrorKind.InvalidInput)
    {
        var e = Assert.Throws<EngineException>(() => _validator.ValidateIntent(request, 1000));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
        return e;
    }

    [Fact]
    public void A_valid_request_becomes_the_invocation_of_the_caller()
    {
        var invocation = _validator.ValidateIntent(Request(slotsJson: """{"minutes":5,"label":"tea"}""", utterance: "set a tea timer for five minutes"), 1000);

        Assert.Equal("timer.set", invocation.Intent);
        Assert.Equal(5L, invocation.Slots["minutes"]);
        Assert.Equal("tea", invocation.Slots["label"]);
        Assert.Equal("set a tea timer for five minutes", invocation.Utterance);
        Assert.Equal(1000u, invocation.CallerUid);
    }

    [Fact]
    public void Slots_and_utterance_may_be_left_out()
    {
        var invocation = _validator.ValidateIntent(Request(options: new TaskOptions(Priority: "background")), 7);

        Assert.Empty(invocation.Slots);
        Assert.Equal("", invocation.Utterance);
    }

    [Fact]
    public void A_missing_or_malformed_intent_name_is_refused()
    {
        Refused(new TaskSubmitRequest("intent", null), "input.intent");
        Refused(Request(intent: null), "input.intent");
        Refused(Request(intent: "timer..set"), "input.intent");
        Refused(Request(intent: "set timer"), "input.intent");
    }

    [Fact]
    public void Inputs_of_other_kinds_are_refused()
    {
        Refused(new TaskSubmitRequest("intent", new TaskInput("a prompt", Intent: "timer.set")), "input");
        Refused(new TaskSubmitRequest("intent", new TaskInput(null, Texts: ["x"], Intent: "timer.set")), "input");
        Refused(new TaskSubmitRequest("intent", new TaskInput(null, Text: "x", Intent: "timer.set")), "input");
    }

    [Fact]
    public void Generation_options_are_refused_but_priority_is_taken()
    {
        Refused(Request(options: new TaskOptions(Model: "stories260K")), "options");
        Refused(Request(options: new TaskOptions(MaxTokens: 5)), "options");
        Refused(Request(options: new TaskOptions(Stop: ["x"])), "options");
        Refused(Request(options: new TaskOptions(KeepAlive: JsonSerializer.SerializeToElement(5))), "options");
    }

    [Fact]
    public void A_long_utterance_is_too_large_and_bad_slots_are_invalid()
    {
        Refused(Request(utterance: new string('u', 101)), "input.utterance", ErrorKind.TooLarge);
        Assert.Equal(100, _validator.ValidateIntent(Request(utterance: new string('u', 100)), 1).Utterance.Length);
        Refused(Request(slotsJson: """{"minutes":[5]}"""), "input.slots");
    }

    [Fact]
    public void Intent_fields_in_a_generate_request_are_refused()
    {
        var e = Assert.Throws<EngineException>(() => _validator.Validate(new TaskSubmitRequest("generate", new TaskInput("hi", Intent: "timer.set")), 1));
        Assert.Equal("input", e.Field);
    }
}
