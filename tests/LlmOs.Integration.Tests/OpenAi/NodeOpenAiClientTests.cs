using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.OpenAi;

/// <summary>
/// The official <c>openai</c> npm client, unchanged, against the real daemon: node/chat.mjs drives it through a loopback
/// TCP-to-Unix-socket bridge and prints what it saw. The packages come from node/package-lock.json (<c>npm ci</c>).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class NodeOpenAiClientTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "LlmOs.Integration.Tests", "OpenAi", "node");
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task The_stock_openai_client_completes_chats_streamed_and_not_with_json_schema_and_reads_errors()
    {
        var result = await RunAsync("--json-schema");

        var chat = result.GetProperty("chat");
        Assert.StartsWith("chatcmpl-", chat.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", chat.GetProperty("object").GetString());
        Assert.Equal("stories260K", chat.GetProperty("model").GetString());
        Assert.Equal("assistant", chat.GetProperty("role").GetString());
        Assert.False(string.IsNullOrWhiteSpace(chat.GetProperty("text").GetString()));
        Assert.Equal("length", chat.GetProperty("finish_reason").GetString());
        Assert.Equal(24, chat.GetProperty("usage").GetProperty("completion_tokens").GetInt32());

        var stream = result.GetProperty("stream");
        Assert.Equal(chat.GetProperty("text").GetString(), stream.GetProperty("text").GetString());
        Assert.True(stream.GetProperty("chunks").GetInt32() >= 3, stream.ToString());
        Assert.Single(stream.GetProperty("ids").EnumerateArray());
        Assert.Equal(["assistant"], stream.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("length", stream.GetProperty("finish_reason").GetString());
        Assert.Equal(24, stream.GetProperty("usage").GetProperty("completion_tokens").GetInt32());

        var error = result.GetProperty("error");
        Assert.Equal("NotFoundError", error.GetProperty("name").GetString());
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());

        // ajv, in the script, validated the json_schema answer against its schema.
        var json = result.GetProperty("json_schema");
        Assert.True(json.GetProperty("valid").GetBoolean(), json.ToString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("parse_error").ValueKind);
        Assert.Equal("stop", json.GetProperty("finish_reason").GetString());

        Assert.Contains(result.GetProperty("models").EnumerateArray(), m => m.GetProperty("id").GetString() == "stories260K" && m.GetProperty("object").GetString() == "model");

        // The client aborted a long stream after three chunks: the daemon cancelled that task.
        string aborted = OpenAiWire.TaskId(result.GetProperty("aborted").GetProperty("id").GetString()!);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        TaskDto task;
        while ((task = await _daemon.Client.GetTaskAsync(aborted)).State != TaskStates.Cancelled && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(TaskStates.Cancelled, task.State);
    }

    private async Task<JsonElement> RunAsync(params string[] flags)
    {
        await EnsurePackagesAsync();
        var run = await ProcessRunner.RunAsync("node", ["chat.mjs", _daemon.Socket, "stories260K", .. flags], timeout: TimeSpan.FromSeconds(90), workingDirectory: Folder);
        Assert.True(run.ExitCode == 0, $"node chat.mjs failed ({run.ExitCode}):\n{run.Stderr}\n{run.Stdout}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    /// <summary>CI installs the packages with <c>npm ci</c> before the tests; a developer's first run does it here.</summary>
    private static async Task EnsurePackagesAsync()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", "openai", "package.json")) && File.Exists(Path.Combine(Folder, "node_modules", "ajv", "package.json")))
        {
            return;
        }

        var install = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], timeout: TimeSpan.FromMinutes(5), workingDirectory: Folder);
        Assert.True(install.ExitCode == 0, $"npm ci failed in {Folder}:\n{install.Stderr}");
    }
}
