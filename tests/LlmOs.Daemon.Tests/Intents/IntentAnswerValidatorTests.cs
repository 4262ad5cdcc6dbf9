using System.Text.Json;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Intents;

namespace LlmOs.Daemon.Tests.Intents;

public sealed class IntentAnswerValidatorTests
{
    private static IntentDispatchAnswer Answer(string json) => JsonSerializer.Deserialize(json, IpcJsonContext.Default.IntentDispatchAnswer)!;

    private static void Refused(string json, string field, ErrorKind kind = ErrorKind.InvalidInput)
    {
        var e = Assert.Throws<EngineException>(() => IntentAnswerValidator.Validate(Answer(json)));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_reply_with_an_action_becomes_the_engine_reply()
    {
        var (reply, refusal) = IntentAnswerValidator.Validate(Answer("""{"text":"Opening Firefox","action":{"type":"app.open","app":"firefox","new_window":true}}"""));

        Assert.Null(refusal);
        Assert.Equal("Opening Firefox", reply!.Text);
        Assert.Equal("app.open", reply.Action!["type"]);
        Assert.Equal(true, reply.Action["new_window"]);
    }

    [Theory]
    [InlineData("""{"text":"Done"}""")]
    [InlineData("""{"text":"Done","action":null}""")]
    [InlineData("""{"text":"Done","action":{}}""")]
    public void A_reply_without_an_action_has_none(string json)
    {
        var (reply, refusal) = IntentAnswerValidator.Validate(Answer(json));
        Assert.Null(refusal);
        Assert.Equal("Done", reply!.Text);
        Assert.Null(reply.Action);
    }

    [Fact]
    public void An_error_refuses_with_its_message()
    {
        var (reply, refusal) = IntentAnswerValidator.Validate(Answer("""{"error":"no song by that name"}"""));
        Assert.Null(reply);
        Assert.Equal("no song by that name", refusal);
    }

    [Fact]
    public void Bad_answers_are_refused_naming_the_field()
    {
        Refused("{}", "text");
        Refused("""{"text":"x","error":"y"}""", "error");
        Refused("""{"error":" "}""", "error");
        Refused("""{"error":"x","action":{"type":"a"}}""", "error");
        Refused("""{"text":"x","action":{"app":"firefox"}}""", "action.type");
        Refused("""{"text":"x","action":{"type":""}}""", "action.type");
        Refused("""{"text":"x","action":{"type":5}}""", "action.type");
        Refused("""{"text":"x","action":{"type":"a","nested":{"b":1}}}""", "action");
        Refused($$"""{"text":"{{new string('t', IntentAnswerValidator.MaxTextLength + 1)}}"}""", "text", ErrorKind.TooLarge);
        Refused($$"""{"error":"{{new string('e', IntentAnswerValidator.MaxErrorLength + 1)}}"}""", "error", ErrorKind.TooLarge);
    }
}
