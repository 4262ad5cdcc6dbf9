using System.Text.Json;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Tests.OpenAi;

/// <summary>Chat requests as a client writes them (JSON through the wire DTOs), then the validator: mapping, limits, refusals.</summary>
public sealed class OpenAiRequestValidatorChatTests
{
    private const string User = """{"role":"user","content":"Once upon a time"}""";
    private static readonly DaemonSettings Limits = new() { MaxPromptChars = 100, MaxTokensLimit = 50, DefaultMaxTokens = 16 };
    private readonly OpenAiRequestValidator _validator = new(Limits);

    private (IReadOnlyList<ChatTurn> Turns, OpenAiGeneration Generation) Validate(string json) =>
        _validator.Validate(JsonSerializer.Deserialize(json, OpenAiJsonContext.Default.ChatCompletionRequest)!);

    private EngineException Refused(string json, ErrorKind kind, string field)
    {
        var e = Assert.Throws<EngineException>(() => Validate(json));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    private static string With(string fields) => $$"""{"messages":[{{User}}],{{fields}}}""";

    [Fact]
    public void Minimal_request_gets_the_native_defaults()
    {
        var (turns, generation) = Validate($$"""{"messages":[{{User}}]}""");

        Assert.Equal([new ChatTurn("user", "Once upon a time")], turns);
        Assert.Null(generation.Model);
        Assert.Equal(16, generation.Options.MaxTokens);
        Assert.Equal(0.8f, generation.Options.Temperature);
        Assert.Equal(0.95f, generation.Options.TopP);
        Assert.Null(generation.Options.Seed);
        Assert.Empty(generation.Options.Stop);
        Assert.Null(generation.Options.Grammar);
        Assert.False(generation.Stream);
        Assert.False(generation.IncludeUsage);
        Assert.Equal(TaskPriority.Interactive, generation.Priority);
        Assert.Null(generation.KeepAlive);
    }

    [Fact]
    public void Every_option_is_mapped()
    {
        var (_, generation) = Validate(With("""
            "model":"stories","max_tokens":50,"temperature":0,"top_p":1,"seed":42,"stop":"THE END","stream":true,
            "stream_options":{"include_usage":true},"priority":"background","keep_alive":"5m"
            """));

        Assert.Equal("stories", generation.Model);
        Assert.Equal(50, generation.Options.MaxTokens);
        Assert.Equal(0f, generation.Options.Temperature);
        Assert.Equal(1f, generation.Options.TopP);
        Assert.Equal(42u, generation.Options.Seed);
        Assert.Equal(["THE END"], generation.Options.Stop);
        Assert.True(generation.Stream);
        Assert.True(generation.IncludeUsage);
        Assert.Equal(TaskPriority.Background, generation.Priority);
        Assert.Equal(TimeSpan.FromMinutes(5), generation.KeepAlive);
    }

    [Fact]
    public void Max_completion_tokens_wins_over_max_tokens_and_is_named_when_out_of_range()
    {
        Assert.Equal(7, Validate(With("\"max_tokens\":40,\"max_completion_tokens\":7")).Generation.Options.MaxTokens);
        Refused(With("\"max_completion_tokens\":51"), ErrorKind.InvalidInput, "max_completion_tokens");
    }

    [Fact]
    public void Roles_map_developer_to_system_and_text_parts_are_joined_by_newlines()
    {
        var (turns, _) = Validate("""
            {"messages":[
              {"role":"developer","content":"Be brief."},
              {"role":"system","content":[{"type":"text","text":"Tell stories."}]},
              {"role":"user","content":[{"type":"text","text":"Once"},{"type":"text","text":"upon a time","cache_control":{"type":"ephemeral"}}],"name":"ann"},
              {"role":"assistant","content":null},
              {"role":"user","content":""}
            ]}
            """);

        Assert.Equal(
            [new("system", "Be brief."), new("system", "Tell stories."), new("user", "Once\nupon a time"), new("assistant", ""), new ChatTurn("user", "")],
            turns);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "messages")]
    [InlineData("""{"model":"m"}""", "messages")]
    [InlineData("""{"messages":[{"content":"hi"}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user"}]}""", "messages[0].content")]
    [InlineData("""{"messages":[{"role":"user","content":[{"text":"hi"}]}]}""", "messages[0].content[0].type")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"text"}]}]}""", "messages[0].content[0].text")]
    public void Malformed_messages_are_invalid(string json, string field)
    {
        Refused(json, ErrorKind.InvalidInput, field);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"tool","content":"42","tool_call_id":"a"}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"text","text":"see"},{"type":"image_url","image_url":{"url":"x"}}]}]}""", "messages[0].content[1]")]
    [InlineData("""{"messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function"}]}]}""", "messages[0].tool_calls")]
    public void Messages_llmosd_cannot_read_are_unsupported(string json, string field)
    {
        Refused(json, ErrorKind.Unsupported, field);
    }

    [Theory]
    [InlineData("\"n\":2", "n")]
    [InlineData("\"n\":0", "n")]
    [InlineData("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]", "tools")]
    [InlineData("\"functions\":[{\"name\":\"f\"}]", "functions")]
    [InlineData("\"tool_choice\":\"required\"", "tool_choice")]
    [InlineData("\"function_call\":{\"name\":\"f\"}", "function_call")]
    [InlineData("\"logprobs\":true", "logprobs")]
    [InlineData("\"top_logprobs\":3", "top_logprobs")]
    [InlineData("\"frequency_penalty\":0.5", "frequency_penalty")]
    [InlineData("\"presence_penalty\":-1", "presence_penalty")]
    [InlineData("\"logit_bias\":{\"50256\":-100}", "logit_bias")]
    [InlineData("\"modalities\":[\"text\",\"audio\"]", "modalities")]
    [InlineData("\"audio\":{\"voice\":\"alloy\",\"format\":\"wav\"}", "audio")]
    public void Options_that_would_change_the_answer_are_refused_by_name(string fields, string field)
    {
        Refused(With(fields), ErrorKind.Unsupported, field);
    }

    [Fact]
    public void Neutral_values_and_harmless_extras_are_accepted()
    {
        var (turns, _) = Validate(With("""
            "n":1,"tools":[],"tool_choice":"none","function_call":"auto","logprobs":false,"top_logprobs":0,"frequency_penalty":0,
            "presence_penalty":0,"logit_bias":{},"modalities":["text"],"audio":null,"user":"u-1","store":false,
            "metadata":{"a":"b"},"parallel_tool_calls":true,"service_tier":"auto","some_future_field":{"x":[1,2]}
            """));

        Assert.Single(turns);
    }

    [Theory]
    [InlineData("\"temperature\":2.01", "temperature")]
    [InlineData("\"temperature\":-0.1", "temperature")]
    [InlineData("\"top_p\":0", "top_p")]
    [InlineData("\"top_p\":1.5", "top_p")]
    [InlineData("\"max_tokens\":0", "max_tokens")]
    [InlineData("\"max_tokens\":51", "max_tokens")]
    [InlineData("\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]", "stop")]
    [InlineData("\"stop\":[\"\"]", "stop")]
    [InlineData("\"seed\":-2", "seed")]
    [InlineData("\"seed\":4294967296", "seed")]
    [InlineData("\"model\":\"\"", "model")]
    [InlineData("\"priority\":\"urgent\"", "priority")]
    [InlineData("\"keep_alive\":\"soon\"", "keep_alive")]
    [InlineData("\"keep_alive\":true", "keep_alive")]
    [InlineData("\"response_format\":{\"type\":\"xml\"}", "response_format.type")]
    public void Values_out_of_range_are_invalid(string fields, string field)
    {
        Refused(With(fields), ErrorKind.InvalidInput, field);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("300", 300)]
    [InlineData("\"10m\"", 600)]
    [InlineData("-1", -1)]
    [InlineData("\"-1\"", -1)]
    public void Keep_alive_is_read_as_ollama_clients_send_it(string json, double seconds)
    {
        var expected = seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
        Assert.Equal(expected, Validate(With("\"keep_alive\":" + json)).Generation.KeepAlive);
    }

    [Fact]
    public void Seed_minus_one_means_random_and_the_largest_seed_is_accepted()
    {
        Assert.Null(Validate(With("\"seed\":-1")).Generation.Options.Seed);
        Assert.Equal(uint.MaxValue, Validate(With("\"seed\":4294967295")).Generation.Options.Seed);
    }

    [Fact]
    public void Messages_over_the_prompt_limit_are_too_large()
    {
        var e = Refused($$"""{"messages":[{"role":"system","content":"{{new string('s', 60)}}"},{"role":"user","content":"{{new string('u', 41)}}"}]}""", ErrorKind.TooLarge, "messages");
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_response_format_needs_no_grammar()
    {
        Assert.Null(Validate(With("\"response_format\":{\"type\":\"text\"}")).Generation.Options.Grammar);
    }

    [Fact]
    public void Json_schema_and_json_object_constrain_generation_with_a_grammar()
    {
        string? schemaGrammar = Validate(With("""
            "response_format":{"type":"json_schema","json_schema":{"name":"p","strict":true,
              "schema":{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"]}}}
            """)).Generation.Options.Grammar;
        string? objectGrammar = Validate(With("\"response_format\":{\"type\":\"json_object\"}")).Generation.Options.Grammar;

        Assert.Contains("root ::=", schemaGrammar, StringComparison.Ordinal);
        Assert.Contains("name", schemaGrammar, StringComparison.Ordinal);
        Assert.Contains("root ::=", objectGrammar, StringComparison.Ordinal);
        Assert.NotEqual(schemaGrammar, objectGrammar);
    }

    [Theory]
    [InlineData("""{"type":"json_schema"}""")]
    [InlineData("""{"type":"json_schema","json_schema":{"name":"x"}}""")]
    [InlineData("""{"type":"json_schema","json_schema":{"name":"x","schema":"object"}}""")]
    [InlineData("""{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"string","pattern":"^a+$"}}}""")]
    public void A_missing_or_unusable_schema_is_invalid_naming_the_schema(string format)
    {
        Refused(With("\"response_format\":" + format), ErrorKind.InvalidInput, "response_format.json_schema.schema");
    }

    [Theory]
    [InlineData("\"content\":42")]
    [InlineData("\"content\":{\"text\":\"hi\"}")]
    [InlineData("\"content\":[\"hi\"]")]
    [InlineData("\"content\":[{\"type\":\"text\",\"text\":7}]")]
    public void Content_of_the_wrong_json_type_fails_like_any_type_mismatch(string content)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($$"""{"messages":[{"role":"user",{{content}}}]}""", OpenAiJsonContext.Default.ChatCompletionRequest));
        Assert.Contains("could not be converted", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.messages[0].content", e.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"stop\":7")]
    [InlineData("\"stop\":[1]")]
    public void Stop_of_the_wrong_json_type_fails_like_any_type_mismatch(string fields)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(With(fields), OpenAiJsonContext.Default.ChatCompletionRequest));
        Assert.Contains("could not be converted", e.Message, StringComparison.Ordinal);
    }
}
