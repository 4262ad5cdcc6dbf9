using System.Net;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>Each way a request can be wrong gets its stable code and HTTP status, and nothing else is disturbed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BadInputTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Theory]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"", "input")]
    [InlineData("not json at all", "body")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("[1,2,3]", "body")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"max_tokens\":\"ten\"}}", "options.max_tokens")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"max_tokens\":0}}", "options.max_tokens")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"max_tokens\":1000000}}", "options.max_tokens")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"temperature\":-1}}", "options.temperature")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"top_p\":0}}", "options.top_p")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"seed\":-5}}", "options.seed")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"stop\":[\"\"]}}", "options.stop")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"stop\":\"x\"}}", "options.stop")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"optoins\":{}}", "optoins")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"text\":\"hi\"}}", "input.text")]
    [InlineData("{\"kind\":\"generate\",\"input\":{}}", "input.prompt")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"\"}}", "input.prompt")]
    [InlineData("{\"kind\":\"generate\"}", "input.prompt")]
    [InlineData("{\"kind\":\"dance\",\"input\":{\"prompt\":\"hi\"}}", "kind")]
    [InlineData("{\"input\":{\"prompt\":\"hi\"}}", "kind")]
    [InlineData("{\"kind\":42,\"input\":{\"prompt\":\"hi\"}}", "kind")]
    [InlineData("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"stream\":\"yes\"}", "stream")]
    public async Task Malformed_or_wrong_requests_are_400_invalid_input_naming_the_field(string body, string field)
    {
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(body));
        var error = await TaskWire.ReadErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_input", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Invalid_utf8_is_400_invalid_input()
    {
        byte[] body = [.. "{\"kind\":\"generate\",\"input\":{\"prompt\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}}"u8];
        using var response = await _daemon.Http.PostAsync("v1/tasks", new ByteArrayContent(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_input", (await TaskWire.ReadErrorAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_404_model_not_found()
    {
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate("hi", 5, extraOptions: "\"model\":\"no-such-model\"")));
        var error = await TaskWire.ReadErrorAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Contains("no-such-model", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_prompt_over_the_limit_is_413_too_large()
    {
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate(new string('a', 70_000), 5)));
        var error = await TaskWire.ReadErrorAsync(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too_large", error.GetProperty("code").GetString());
        Assert.Equal("input.prompt", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_too_large()
    {
        // Announce 100 MB and send the start of it: the daemon answers before reading it all. (A task's body may carry an
        // image, so /v1/tasks takes up to MaxRequestBytes (1 MiB) plus the base64 of MaxImageBytes (32 MiB), 45.7 MB.)
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(_daemon.Socket));
        string head = "POST /v1/tasks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n";
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(head + "{\"kind\":\"generate\",\"input\":{\"prompt\":\"" + new string('a', 1000)));
        using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
        string response = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", response);
        Assert.Contains("\"code\":\"too_large\"", response);
    }

    [Fact]
    public async Task Unknown_tasks_and_endpoints_are_404_not_found()
    {
        using var task = await _daemon.Http.GetAsync("v1/tasks/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.Equal("not_found", (await TaskWire.ReadErrorAsync(task)).GetProperty("code").GetString());

        using var cancel = await _daemon.Http.DeleteAsync("v1/tasks/nope");
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);

        using var endpoint = await _daemon.Http.GetAsync("v2/everything");
        Assert.Equal(HttpStatusCode.NotFound, endpoint.StatusCode);
        Assert.Equal("not_found", (await TaskWire.ReadErrorAsync(endpoint)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_truncated_model_is_listed_invalid_and_a_task_naming_it_fails_clearly()
    {
        string broken = Path.Combine(_daemon.DataDir, "models", "broken.gguf");
        await using (var source = File.OpenRead(TestPaths.Stories))
        await using (var target = File.Create(broken))
        {
            byte[] head = new byte[300_000];
            await source.ReadExactlyAsync(head);
            await target.WriteAsync(head);
        }

        try
        {
            await Task.Delay(2100); // the registry rescans its folder every 2 s
            var models = await _daemon.Client.ListModelsAsync();
            var entry = Assert.Single(models.Data, m => m.Id == "broken");
            Assert.Equal("invalid", entry.State);
            Assert.Contains("truncated", entry.Error);

            using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate("hi", 5, extraOptions: "\"model\":\"broken\"")));
            var error = await TaskWire.ReadErrorAsync(response);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("invalid_input", error.GetProperty("code").GetString());
            Assert.Contains("truncated", error.GetProperty("message").GetString());

            // The good model is still the default and still works.
            var ok = await _daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 5, Temperature: 0));
            Assert.Equal(TaskStates.Completed, ok.State);
            Assert.Equal("stories260K", ok.Model);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task A_full_queue_is_429_busy_with_retry_after()
    {
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Environment = new Dictionary<string, string> { ["LLMOSD_QUEUECAPACITY"] = "1", ["LLMOSD_PARALLELSEQUENCES"] = "1" },
        });
        var running = await daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0));
        while ((await daemon.Client.GetTaskAsync(running.Id)).State == TaskStates.Queued)
        {
            await Task.Delay(10);
        }

        var queued = await daemon.Client.SubmitGenerateAsync("The dog", new TaskOptions(MaxTokens: 5));
        using var response = await daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(TaskWire.Generate("The cat", 5)));
        var error = await TaskWire.ReadErrorAsync(response);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("busy", error.GetProperty("code").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.True(error.GetProperty("retry_after_s").GetDouble() >= 1);

        // Nothing already accepted was lost.
        await daemon.Client.CancelAsync(running.Id);
        Assert.Equal(TaskStates.Completed, (await daemon.Client.WaitAsync(queued.Id)).State);
    }
}
