using System.Text.Json;
using Json.Schema;
using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>
/// <c>response_format</c> on the real daemon: stories260K writes nonsense, but under <c>json_schema</c> it is JSON that validates
/// against the schema (checked by an independent validator), whole or streamed, and under <c>json_object</c> a JSON object.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class StructuredOutputTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Schema = """
        {"type":"object",
         "properties":{"title":{"type":"string","maxLength":30},"year":{"type":"integer"},"tags":{"type":"array","items":{"enum":["a","b","c"]},"maxItems":3},"mood":{"type":["string","null"]}},
         "required":["title","year","tags"],"additionalProperties":false}
        """;

    private readonly DaemonProcess _daemon = fixture.Daemon;

    private static void AssertValid(string schema, string? text)
    {
        Assert.NotNull(text);
        using var document = JsonDocument.Parse(text);
        var result = JsonSchema.FromText(schema).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{text}\ndoes not validate:\n{JsonSerializer.Serialize(result)}");
    }

    private static string JsonSchemaFormat(bool strict) =>
        "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"story\",\"strict\":" + (strict ? "true" : "false") + ",\"schema\":" + Schema + "}}";

    private static string Request(string format, uint seed, bool stream = false) =>
        $$"""{"messages":[{"role":"user","content":"Tell me a story as JSON."}],"max_tokens":400,"temperature":1,"seed":{{seed}},"stream":{{(stream ? "true" : "false")}},"response_format":{{format}}}""";

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public async Task A_json_schema_answer_parses_and_validates(uint seed)
    {
        var (response, body) = await OpenAiWire.PostAsync(_daemon.Http, "v1/chat/completions",
            Request(JsonSchemaFormat(strict: true), seed));

        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        AssertValid(Schema, choice.GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_streamed_json_schema_answer_concatenates_to_valid_json()
    {
        using var response = await _daemon.Http.PostAsync("v1/chat/completions",
            UnixHttp.Json(Request(JsonSchemaFormat(strict: false), 4, stream: true)));
        var events = OpenAiWire.Events(await response.Content.ReadAsStringAsync());

        Assert.Equal("[DONE]", events[^1]);
        AssertValid(Schema, OpenAiWire.Text(events, chat: true));
    }

    [Fact]
    public async Task A_json_object_answer_is_a_json_object()
    {
        var (_, body) = await OpenAiWire.PostAsync(_daemon.Http, "v1/chat/completions", Request("""{"type":"json_object"}""", 5));

        string text = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(text).RootElement.ValueKind);
    }

    [Fact]
    public async Task A_schema_the_grammar_cannot_honour_is_refused_naming_it()
    {
        var (response, body) = await OpenAiWire.PostAsync(_daemon.Http, "v1/chat/completions",
            Request("""{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"string","pattern":"^a+$"}}}""", 1));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("response_format.json_schema.schema", body.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains("pattern", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chat_client_asks_for_a_schema_through_chat_response_format()
    {
        IChatClient chat = _daemon.Client.AsChatClient();
        using var schema = JsonDocument.Parse(Schema);

        var response = await chat.GetResponseAsync("Tell me a story as JSON.", new ChatOptions
        {
            Seed = 6,
            MaxOutputTokens = 400,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "story"),
        });

        AssertValid(Schema, response.Text);
    }
}
