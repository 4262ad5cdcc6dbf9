using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>Sentence embeddings from the built-in MiniLM through the real daemon: OpenAI's /v1/embeddings, embed tasks, llmosctl embed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class EmbeddingTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private const string Model = "all-minilm-l6-v2";
    private readonly DaemonProcess _daemon = fixture.Daemon;

    private static async Task<JsonElement> PostOkAsync(HttpClient http, string path, string body)
    {
        using var response = await http.PostAsync(path, UnixHttp.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static float[] Floats(JsonElement embedding) => [.. embedding.EnumerateArray().Select(v => v.GetSingle())];

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    private async Task<float[]> EmbedOneAsync(string text)
    {
        var body = await PostOkAsync(_daemon.Http, "v1/embeddings", JsonSerializer.Serialize(new Dictionary<string, string> { ["input"] = text }));
        return Floats(body.GetProperty("data")[0].GetProperty("embedding"));
    }

    [Fact]
    public async Task The_builtin_embedder_is_listed_and_generation_still_defaults_to_the_text_model()
    {
        var models = await _daemon.Client.ListModelsAsync();
        var embedder = Assert.Single(models.Data, m => m.Id == Model);
        Assert.Equal("embedding", embedder.Kind);
        Assert.Equal("onnx", embedder.Format);
        Assert.Equal("builtin", embedder.Source);
        Assert.False(embedder.Default);

        var generated = await _daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 4, Temperature: 0));
        Assert.Equal("stories260K", generated.Model);
    }

    [Fact]
    public async Task A_string_input_gets_one_unit_vector_in_openais_shape()
    {
        var body = await PostOkAsync(_daemon.Http, "v1/embeddings", $$"""{"input":"How do I set a timer","model":"{{Model}}"}""");

        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.Equal(Model, body.GetProperty("model").GetString());
        var item = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("embedding", item.GetProperty("object").GetString());
        Assert.Equal(0, item.GetProperty("index").GetInt32());
        var vector = Floats(item.GetProperty("embedding"));
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(Dot(vector, vector)), 1e-4);
        Assert.Equal(8, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32()); // 6 words + [CLS] + [SEP]
        Assert.Equal(8, body.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task An_array_keeps_its_order_similar_texts_are_closer_and_base64_holds_the_same_floats()
    {
        string[] texts = ["How do I set a timer", "start a countdown", "the eagle flew over the lake"];
        string input = JsonSerializer.Serialize(texts);

        var floats = await PostOkAsync(_daemon.Http, "v1/embeddings", $$"""{"input":{{input}}}""");
        var packed = await PostOkAsync(_daemon.Http, "v1/embeddings", $$"""{"input":{{input}},"encoding_format":"base64"}""");

        var data = floats.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], data.Select(d => d.GetProperty("index").GetInt32()));
        var vectors = data.Select(d => Floats(d.GetProperty("embedding"))).ToList();
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]) + 0.2, $"timer~countdown {Dot(vectors[0], vectors[1]):F3}, timer~eagle {Dot(vectors[0], vectors[2]):F3}");
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.True(MaxDifference(vectors[i], await EmbedOneAsync(texts[i])) < 1e-4, $"'{texts[i]}' alone differs");
            byte[] bytes = Convert.FromBase64String(packed.GetProperty("data")[i].GetProperty("embedding").GetString()!);
            Assert.Equal(vectors[i], MemoryMarshal.Cast<byte, float>(bytes).ToArray());
        }
    }

    [Fact]
    public async Task An_embed_task_waits_reads_back_and_runs_through_the_client_like_any_task()
    {
        var waited = await PostOkAsync(_daemon.Http, "v1/tasks?wait=true", """{"kind":"embed","input":{"texts":["How do I set a timer","start a countdown"]}}""");
        var task = JsonSerializer.Deserialize(waited.GetRawText(), LlmOs.Ipc.IpcJsonContext.Default.TaskDto)!;

        Assert.Equal("embed", task.Kind);
        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal(Model, task.Model);
        Assert.Equal(2, task.Result!.Embeddings!.Count);
        Assert.Equal(8 + 5, task.Result.Tokens);
        Assert.True(MaxDifference(task.Result.Embeddings[0], await EmbedOneAsync("How do I set a timer")) < 1e-4);

        var read = await _daemon.Client.GetTaskAsync(task.Id);
        Assert.Equal(task.Result.Embeddings[1], read.Result!.Embeddings![1]);

        var single = await PostOkAsync(_daemon.Http, "v1/tasks?wait=true", """{"kind":"embed","input":{"text":"start a countdown"},"options":{"model":"all-minilm-l6-v2"}}""");
        Assert.Equal(384, single.GetProperty("result").GetProperty("embeddings")[0].GetArrayLength());

        var viaClient = await _daemon.Client.EmbedAsync(["start a countdown", "the eagle flew over the lake"]);
        Assert.Equal(Model, viaClient.Model);
        Assert.Equal(2, viaClient.Vectors.Count);
        Assert.True(MaxDifference(viaClient.Vectors[0], task.Result.Embeddings[1]) < 1e-4);
    }

    [Theory]
    [InlineData("""{"input":""}""", 400, "invalid_input", "input")]
    [InlineData("""{"input":[]}""", 400, "invalid_input", "input")]
    [InlineData("""{"input":["fine",""]}""", 400, "invalid_input", "input")]
    [InlineData("""{"input":["fine",null]}""", 400, "invalid_input", "input")]
    [InlineData("""{"input":[101,2023]}""", 400, "unsupported", "input")]
    [InlineData("""{"input":5}""", 400, "invalid_input", "input")]
    [InlineData("""{"model":"all-minilm-l6-v2"}""", 400, "invalid_input", "input")]
    [InlineData("""{"input":"x\ud800"}""", 400, "invalid_input", "input")]
    [InlineData("""{"input":"x","dimensions":100}""", 400, "invalid_input", "dimensions")]
    [InlineData("""{"input":"x","encoding_format":"xml"}""", 400, "invalid_input", "encoding_format")]
    [InlineData("""{"input":"x","model":"stories260K"}""", 400, "invalid_input", "model")]
    [InlineData("""{"input":"x","model":"no-such-model"}""", 404, "model_not_found", "model")]
    [InlineData("""not json""", 400, "invalid_input", null)]
    public async Task Bad_embeddings_requests_get_openais_error_object_with_our_code(string body, int status, string code, string? param)
    {
        using var response = await _daemon.Http.PostAsync("v1/embeddings", UnixHttp.Json(body));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(status == 500 ? "server_error" : "invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("""{"kind":"embed"}""", "input")]
    [InlineData("""{"kind":"embed","input":{"texts":[]}}""", "input.texts")]
    [InlineData("""{"kind":"embed","input":{"texts":["ok",""]}}""", "input.texts")]
    [InlineData("""{"kind":"embed","input":{"text":"a","texts":["b"]}}""", "input")]
    [InlineData("""{"kind":"embed","input":{"prompt":"a"}}""", "input.prompt")]
    [InlineData("""{"kind":"embed","input":{"text":"a"},"options":{"max_tokens":3}}""", "options.max_tokens")]
    [InlineData("""{"kind":"embed","input":{"text":"a"},"options":{"model":"stories260K"}}""", "options.model")]
    [InlineData("""{"kind":"generate","input":{"texts":["a"]}}""", "input.texts")]
    public async Task Bad_embed_tasks_are_400_invalid_input_naming_the_field(string body, string field)
    {
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(body));
        var error = await TaskWire.ReadErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_input", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_text_over_the_limit_is_413_too_large_on_both_endpoints()
    {
        string huge = JsonSerializer.Serialize(new string('a', 70_000));

        using var task = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json($$$"""{"kind":"embed","input":{"texts":["ok",{{{huge}}}]}}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, task.StatusCode);
        Assert.Equal("too_large", (await TaskWire.ReadErrorAsync(task)).GetProperty("code").GetString());

        using var openAi = await _daemon.Http.PostAsync("v1/embeddings", UnixHttp.Json($$"""{"input":{{huge}}}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, openAi.StatusCode);
        Assert.Equal("too_large", (await TaskWire.ReadErrorAsync(openAi)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Concurrent_requests_share_batches_and_each_gets_its_own_vector()
    {
        // A daemon of its own that logs at Debug, so the engine's batch lines (event 1203) can be read.
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Args = ["--log-level", "Debug"] });
        string[] texts = [.. Enumerable.Range(0, 24).Select(i => $"Sentence number {i} is about {(i % 3 == 0 ? "timers and alarms" : i % 3 == 1 ? "birds over a lake" : "opening an editor")} in some detail, with a few more words to read")];
        var references = await PostOkAsync(daemon.Http, "v1/embeddings", $$"""{"input":{{JsonSerializer.Serialize(texts)}}}""");

        var answers = await Task.WhenAll(texts.Select(t => Task.Run(() => PostOkAsync(daemon.Http, "v1/embeddings", $$"""{"input":{{JsonSerializer.Serialize(t)}}}"""))));

        for (int i = 0; i < texts.Length; i++)
        {
            var expected = Floats(references.GetProperty("data")[i].GetProperty("embedding"));
            var actual = Floats(answers[i].GetProperty("data")[0].GetProperty("embedding"));
            Assert.True(MaxDifference(expected, actual) < 1e-4, $"request {i} got a vector that is not its own");
        }

        // Every task appears in one batch line ("… of N task(s) …"); the console logger writes on its own thread.
        for (int wait = 0; wait < 100 && BatchedTasks(daemon.Log).Sum() < texts.Length + 1; wait++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(texts.Length + 1, BatchedTasks(daemon.Log).Sum());
        Assert.True(BatchedTasks(daemon.Log).Any(n => n > 1), "no batch served more than one request:\n" + daemon.Log);
    }

    private static List<int> BatchedTasks(string log) =>
        [.. System.Text.RegularExpressions.Regex.Matches(log, @"\[1203\] Embedded \d+ text\(s\) of (\d+) task\(s\)").Select(m => int.Parse(m.Groups[1].Value))];

    [Fact]
    public async Task Llmosctl_embed_prints_one_line_per_text_or_the_task_as_json()
    {
        var plain = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "embed", "How do I set a timer", "start a countdown");
        Assert.Equal(0, plain.ExitCode);
        var lines = plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("384 dims: ", l));

        var json = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "--json", "embed", "start a countdown");
        Assert.Equal(0, json.ExitCode);
        var task = JsonSerializer.Deserialize(json.Stdout, LlmOs.Ipc.IpcJsonContext.Default.TaskDto)!;
        Assert.Equal(384, Assert.Single(task.Result!.Embeddings!).Length);

        var refused = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "embed", "x", "--model", "stories260K");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("invalid_input", refused.Stderr);
    }
}
