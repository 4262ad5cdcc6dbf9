using System.Text.Json;
using LlmOs.Client;
using LlmOs.Client.AI;
using Microsoft.Extensions.AI;

namespace LlmOs.Daemon.Tests.Client;

/// <summary>The IChatClient on a fake transport: what it sends for M.E.AI's messages and options, and how it reads answers.</summary>
public sealed class LlmosChatClientTests
{
    private const string Answer = """
        {"id":"chatcmpl-abc","object":"chat.completion","created":1700000000,"model":"stories",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Once upon a time"},"finish_reason":"length"}],
         "usage":{"prompt_tokens":0,"completion_tokens":4,"total_tokens":4}}
        """;

    private static (IChatClient Chat, FakeTransport Transport) Create(string answer, string? model = "stories")
    {
        var (transport, fake) = FakeTransport.Create(answer);
        return (new LlmosClient(transport).AsChatClient(model), fake);
    }

    [Fact]
    public async Task Messages_and_options_become_openai_fields()
    {
        var (chat, transport) = Create(Answer);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""");
        var options = new ChatOptions
        {
            Instructions = "Be brief.",
            MaxOutputTokens = 40,
            Temperature = 0,
            TopP = 0.5f,
            Seed = 7,
            StopSequences = ["THE END"],
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "person", "a person"),
            AdditionalProperties = new() { ["priority"] = "background", ["keep_alive"] = TimeSpan.FromMinutes(2) },
        };

        await chat.GetResponseAsync([new(ChatRole.System, "Tell stories."), new(ChatRole.User, "Hello")], options);

        var (path, body) = Assert.Single(transport.Posts);
        Assert.Equal("v1/chat/completions", path);
        Assert.Equal("stories", body.GetProperty("model").GetString());
        Assert.Equal(
            """[{"role":"system","content":"Be brief."},{"role":"system","content":"Tell stories."},{"role":"user","content":"Hello"}]""",
            body.GetProperty("messages").GetRawText());
        Assert.Equal(40, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0, body.GetProperty("temperature").GetSingle());
        Assert.Equal(0.5f, body.GetProperty("top_p").GetSingle());
        Assert.Equal(7, body.GetProperty("seed").GetInt64());
        Assert.Equal("""["THE END"]""", body.GetProperty("stop").GetRawText());
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("person", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("background", body.GetProperty("priority").GetString());
        Assert.Equal(120, body.GetProperty("keep_alive").GetDouble());
        Assert.False(body.TryGetProperty("stream", out _));
    }

    [Fact]
    public async Task Json_without_a_schema_asks_for_a_json_object_and_the_model_option_wins()
    {
        var (chat, transport) = Create(Answer);

        await chat.GetResponseAsync("Hello", new ChatOptions { ResponseFormat = ChatResponseFormat.Json, ModelId = "other" });

        var body = transport.Posts[0].Body;
        Assert.Equal("""{"type":"json_object"}""", body.GetProperty("response_format").GetRawText());
        Assert.Equal("other", body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Without_a_model_the_daemon_chooses()
    {
        var (chat, transport) = Create(Answer, model: null);

        await chat.GetResponseAsync("Hello");

        Assert.False(transport.Posts[0].Body.TryGetProperty("model", out _));
    }

    [Fact]
    public async Task The_answer_becomes_a_chat_response()
    {
        var (chat, _) = Create(Answer);

        var response = await chat.GetResponseAsync("Hello");

        Assert.Equal("Once upon a time", response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("chatcmpl-abc", response.ResponseId);
        Assert.Equal("stories", response.ModelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), response.CreatedAt);
        Assert.Equal(4, response.Usage!.OutputTokenCount);
        Assert.Equal(4, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task A_stream_becomes_updates_with_text_finish_reason_and_usage()
    {
        const string Stream = """
            data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1700000000,"model":"stories","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1700000000,"model":"stories","choices":[{"index":0,"delta":{"content":"Once upon"},"finish_reason":null}]}

            data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1700000000,"model":"stories","choices":[{"index":0,"delta":{"content":" a time"},"finish_reason":null}]}

            data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1700000000,"model":"stories","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1700000000,"model":"stories","choices":[],"usage":{"prompt_tokens":0,"completion_tokens":3,"total_tokens":3}}

            data: [DONE]


            """;
        var (chat, transport) = Create(Stream);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Hello"))
        {
            updates.Add(update);
        }

        Assert.True(transport.Posts[0].Body.GetProperty("stream").GetBoolean());
        Assert.True(transport.Posts[0].Body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        var response = updates.ToChatResponse();
        Assert.Equal("Once upon a time", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(3, response.Usage!.OutputTokenCount);
        Assert.Equal("chatcmpl-s", response.ResponseId);
        Assert.All(updates, u => Assert.Equal("stories", u.ModelId));
    }

    [Fact]
    public async Task An_error_event_in_the_stream_throws_with_its_code_after_the_text_before_it()
    {
        const string Stream = """
            data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Once"},"finish_reason":null}]}

            data: {"error":{"message":"the task was cancelled","type":"cancelled_error","param":null,"code":"cancelled"}}


            """;
        var (chat, _) = Create(Stream);
        var text = new List<string>();

        var e = await Assert.ThrowsAsync<LlmosException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("Hello"))
            {
                text.Add(update.Text);
            }
        });

        Assert.Equal("cancelled", e.Code);
        Assert.Equal(["Once"], text);
    }

    [Fact]
    public async Task What_llmosd_cannot_do_is_refused_before_sending()
    {
        var (chat, transport) = Create(Answer);

        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync("Hello", new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "one")] }));
        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync("Hello", new ChatOptions { TopK = 5 }));
        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync([new(ChatRole.User, [new DataContent(new byte[] { 1 }, "image/png")])]));
        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync([new(ChatRole.Tool, "42")]));
        Assert.Empty(transport.Posts);
    }

    [Fact]
    public void Metadata_and_the_underlying_client_are_services()
    {
        var (chat, _) = Create(Answer);

        Assert.Equal("llmos", chat.GetService<ChatClientMetadata>()!.ProviderName);
        Assert.Equal("stories", chat.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.NotNull(chat.GetService<LlmosClient>());
        Assert.Same(chat, chat.GetService<LlmosChatClient>());
        Assert.Null(chat.GetService<LlmosClient>("key"));
    }
}
