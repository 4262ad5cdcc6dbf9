using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>Every refusal on the OpenAI-compatible endpoints is OpenAI's error object, with our stable code and the native status.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OpenAiErrorTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    private static void AssertOpenAiError(JsonElement body, string type, string code, string? param)
    {
        var error = body.GetProperty("error");
        Assert.Equal(["message", "type", "param", "code"], error.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (param is null)
        {
            Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        }
        else
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }
    }

    [Theory]
    [InlineData("v1/chat/completions", "not json at all", 400, "invalid_input", null)]
    [InlineData("v1/chat/completions", "{\"messages\":[", 400, "invalid_input", "messages[0]")]
    [InlineData("v1/chat/completions", "", 400, "invalid_input", null)]
    [InlineData("v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":\"ten\"}", 400, "invalid_input", "max_tokens")]
    [InlineData("v1/chat/completions", "{\"messages\":[]}", 400, "invalid_input", "messages")]
    [InlineData("v1/chat/completions", "{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}", 400, "invalid_input", "messages[0].role")]
    [InlineData("v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":5}", 400, "invalid_input", "temperature")]
    [InlineData("v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2}", 400, "unsupported", "n")]
    [InlineData("v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}", 400, "unsupported", "tools")]
    [InlineData("v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logprobs\":true}", 400, "unsupported", "logprobs")]
    [InlineData("v1/chat/completions", "{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 404, "model_not_found", "model")]
    [InlineData("v1/completions", "{\"prompt\":\"hi\",\"echo\":true}", 400, "unsupported", "echo")]
    [InlineData("v1/completions", "{\"prompt\":[1,2,3]}", 400, "unsupported", "prompt")]
    [InlineData("v1/completions", "{\"max_tokens\":3}", 400, "invalid_input", "prompt")]
    [InlineData("v1/completions", "{\"model\":\"no-such-model\",\"prompt\":\"hi\"}", 404, "model_not_found", "model")]
    public async Task Refusals_are_openai_error_objects_with_our_code_and_the_field(string path, string json, int status, string code, string? param)
    {
        var (response, body) = await OpenAiWire.PostAsync(_daemon.Http, path, json);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        AssertOpenAiError(body, "invalid_request_error", code, param);
    }

    [Theory]
    [InlineData("v1/completions", """{"prompt":"PROMPT"}""", "prompt")]
    [InlineData("v1/chat/completions", """{"messages":[{"role":"user","content":"PROMPT"}]}""", "messages")]
    public async Task A_prompt_over_the_limit_is_413_too_large_in_openai_shape(string path, string json, string param)
    {
        var (response, body) = await OpenAiWire.PostAsync(_daemon.Http, path, json.Replace("PROMPT", new string('a', 70_000), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertOpenAiError(body, "invalid_request_error", "too_large", param);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_too_large_in_openai_shape()
    {
        // Announce 2 MB (the limit is 1 MiB) and send the start of it: the daemon answers before reading it all.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_daemon.Socket));
        string head = "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "{\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('a', 1000)));
        using var stream = new NetworkStream(socket, ownsSocket: false);
        string response = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        string json = response[response.IndexOf('{', StringComparison.Ordinal)..(response.LastIndexOf('}') + 1)]; // inside the chunked body
        AssertOpenAiError(JsonDocument.Parse(json).RootElement, "invalid_request_error", "too_large", null);
    }

    [Fact]
    public async Task Invalid_utf8_is_400_invalid_input_in_openai_shape()
    {
        byte[] body = [.. "{\"messages\":[{\"role\":\"user\",\"content\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}]}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await _daemon.Http.PostAsync("v1/chat/completions", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertOpenAiError(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, "invalid_request_error", "invalid_input", "messages[0].content");
    }

    [Fact]
    public async Task The_native_endpoints_keep_their_own_error_shape()
    {
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json("{\"kind\":\"generate\",\"input\":{\"prompt\":\"hi\"},\"options\":{\"n\":2}}"));
        var error = await TaskWire.ReadErrorAsync(response);

        Assert.Equal("invalid_input", error.GetProperty("code").GetString());
        Assert.Equal("options.n", error.GetProperty("field").GetString());
        Assert.False(error.TryGetProperty("type", out _));
    }

    [Fact]
    public async Task An_unknown_model_id_is_a_404_in_openai_shape()
    {
        using var response = await _daemon.Http.GetAsync("v1/models/no-such-model");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertOpenAiError(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, "invalid_request_error", "model_not_found", "model");
    }
}
