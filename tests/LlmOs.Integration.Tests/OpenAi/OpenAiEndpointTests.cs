using System.Net;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>
/// /v1/chat/completions and /v1/completions on the real daemon with stories260K, over raw HTTP as any OpenAI client
/// speaks it: answers and streams in OpenAI's shape, the same greedy text as the native API, stops and limits.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OpenAiEndpointTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Prompt = "Once upon a time";
    private const string Messages = """[{"role":"system","content":"You tell stories."},{"role":"user","content":"Once upon a time"}]""";
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task A_chat_completion_answers_in_openai_shape_and_is_a_task_of_the_caller()
    {
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (response, body) = await OpenAiWire.PostAsync(_daemon.Http, "v1/chat/completions",
            $$"""{"model":"stories260K","messages":{{Messages}},"max_tokens":7,"temperature":0,"user":"someone","store":false}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        string id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("chatcmpl-", id, StringComparison.Ordinal);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.InRange(body.GetProperty("created").GetInt64(), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("stories260K", body.GetProperty("model").GetString());
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray().ToList());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        string text = choice.GetProperty("message").GetProperty("content").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        var usage = body.GetProperty("usage");
        Assert.Equal(7, usage.GetProperty("completion_tokens").GetInt32());
        Assert.True(usage.GetProperty("prompt_tokens").GetInt32() > 3, "the rendered chat prompt is several tokens");
        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32() + 7, usage.GetProperty("total_tokens").GetInt32());

        var task = await _daemon.Client.GetTaskAsync(OpenAiWire.TaskId(id));
        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal(text, task.Result!.Text);
    }

    [Fact]
    public async Task A_greedy_completion_is_the_native_endpoints_text_for_the_same_prompt()
    {
        var (_, completion) = await OpenAiWire.PostAsync(_daemon.Http, "v1/completions", $$"""{"prompt":"{{Prompt}}","max_tokens":40,"temperature":0}""");
        using var native = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(TaskWire.Generate(Prompt, 40)));

        var choice = completion.GetProperty("choices")[0];
        Assert.StartsWith("cmpl-", completion.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("text_completion", completion.GetProperty("object").GetString());
        Assert.Equal((await TaskWire.ReadTaskAsync(native)).Result!.Text, choice.GetProperty("text").GetString());
        Assert.Contains("Lily", choice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Streamed_chat_chunks_concatenate_to_the_whole_answer_and_end_with_usage_and_done()
    {
        string request = $$"""{"messages":{{Messages}},"max_tokens":30,"temperature":0,"seed":5""";
        var (_, whole) = await OpenAiWire.PostAsync(_daemon.Http, "v1/chat/completions", request + "}");

        using var response = await _daemon.Http.PostAsync("v1/chat/completions", UnixHttp.Json(request + ""","stream":true,"stream_options":{"include_usage":true}}"""));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = OpenAiWire.Events(await response.Content.ReadAsStringAsync());

        Assert.Equal("[DONE]", events[^1]);
        var chunks = events.SkipLast(1).Select(e => JsonDocument.Parse(e).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal(whole.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), OpenAiWire.Text(events, chat: true));
        Assert.Equal(whole.GetProperty("choices")[0].GetProperty("finish_reason").GetString(), chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Empty(chunks[^1].GetProperty("choices").EnumerateArray());
        Assert.Equal(whole.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task A_streamed_completion_concatenates_to_the_whole_completion()
    {
        string request = $$"""{"prompt":["{{Prompt}}"],"max_tokens":50,"temperature":0""";
        var (_, whole) = await OpenAiWire.PostAsync(_daemon.Http, "v1/completions", request + "}");

        using var response = await _daemon.Http.PostAsync("v1/completions", UnixHttp.Json(request + ",\"stream\":true}"));
        var events = OpenAiWire.Events(await response.Content.ReadAsStringAsync());

        Assert.Equal("[DONE]", events[^1]);
        Assert.Equal(whole.GetProperty("choices")[0].GetProperty("text").GetString(), OpenAiWire.Text(events, chat: false));
        Assert.Equal("length", JsonDocument.Parse(events[^2]).RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task A_stop_sequence_ends_the_text_before_it_with_finish_reason_stop()
    {
        var (_, full) = await OpenAiWire.PostAsync(_daemon.Http, "v1/completions", $$"""{"prompt":"{{Prompt}}","max_tokens":80,"temperature":0}""");
        string text = full.GetProperty("choices")[0].GetProperty("text").GetString()!;
        int at = text.IndexOf("park", StringComparison.Ordinal);
        Assert.True(at > 0, text);

        var (_, stopped) = await OpenAiWire.PostAsync(_daemon.Http, "v1/completions", $$"""{"prompt":"{{Prompt}}","max_tokens":80,"temperature":0,"stop":"park"}""");
        using var streamed = await _daemon.Http.PostAsync("v1/completions", UnixHttp.Json($$"""{"prompt":"{{Prompt}}","max_tokens":80,"temperature":0,"stop":["zzz","park"],"stream":true}"""));
        var events = OpenAiWire.Events(await streamed.Content.ReadAsStringAsync());

        Assert.Equal(text[..at], stopped.GetProperty("choices")[0].GetProperty("text").GetString());
        Assert.Equal("stop", stopped.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(text[..at], OpenAiWire.Text(events, chat: false));
        Assert.Equal("stop", JsonDocument.Parse(events[^2]).RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task The_model_list_and_one_model_are_in_openai_shape()
    {
        using var list = JsonDocument.Parse(await _daemon.Http.GetStringAsync("v1/models"));
        var model = Assert.Single(list.RootElement.GetProperty("data").EnumerateArray().ToList(), m => m.GetProperty("id").GetString() == "stories260K");
        Assert.Equal("list", list.RootElement.GetProperty("object").GetString());
        Assert.Equal("model", model.GetProperty("object").GetString());

        using var one = JsonDocument.Parse(await _daemon.Http.GetStringAsync("v1/models/stories260K"));
        Assert.Equal("stories260K", one.RootElement.GetProperty("id").GetString());
        Assert.Equal("model", one.RootElement.GetProperty("object").GetString());
    }
}
