using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>llmosctl as a person or a script meets it: output, --json, and the exit codes 0/1/2/3.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CliTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Generate_prints_the_greedy_continuation_and_exits_0()
    {
        var expected = await _daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 30, Temperature: 0, Seed: 5));
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "generate", "Once upon a time", "--max-tokens", "30", "--temperature", "0", "--seed", "5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.Result!.Text + "\n", result.Stdout);
    }

    [Fact]
    public async Task Generate_with_json_prints_the_finished_task()
    {
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "--json", "generate", "Once upon a time", "-n", "8", "-t", "0", "--stop", "girl");
        Assert.Equal(0, result.ExitCode);
        var task = JsonSerializer.Deserialize(result.Stdout, IpcJsonContext.Default.TaskDto)!;
        Assert.Equal(TaskStates.Completed, task.State);
        Assert.DoesNotContain("girl", task.Result!.Text);
    }

    [Fact]
    public async Task Status_models_and_tasks_work_for_people_and_scripts()
    {
        var status = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("user mode", status.Stdout);
        Assert.Contains("stories260K", status.Stdout);

        var statusJson = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "status", "--json");
        Assert.Equal(_daemon.Socket, JsonSerializer.Deserialize(statusJson.Stdout, IpcJsonContext.Default.StatusResponse)!.Socket);

        var models = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "models", "list");
        Assert.Contains("stories260K", models.Stdout);
        Assert.Contains("llama", models.Stdout);

        var task = await _daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 4));
        var list = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "tasks", "list");
        Assert.Contains(task.Id, list.Stdout);
        var show = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "tasks", "show", task.Id, "--json");
        Assert.Equal(task.Result!.Text, JsonSerializer.Deserialize(show.Stdout, IpcJsonContext.Default.TaskDto)!.Result!.Text);
    }

    [Fact]
    public async Task Tasks_cancel_stops_a_running_task()
    {
        var task = await _daemon.Client.SubmitGenerateAsync("Once upon a time", new TaskOptions(MaxTokens: LongGeneration.Tokens, Temperature: 0));
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "tasks", "cancel", task.Id, "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TaskStates.Cancelled, JsonSerializer.Deserialize(result.Stdout, IpcJsonContext.Default.TaskDto)!.State);
    }

    [Fact]
    public async Task Models_add_registers_a_file_under_a_name_and_as_default()
    {
        using var dir = new TempDir();
        string copy = dir.File("tiny.gguf");
        File.Copy(TestPaths.Stories, copy);

        var added = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "models", "add", copy, "--name", "tiny", "--default");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("tiny", added.Stdout);

        var models = await _daemon.Client.ListModelsAsync();
        Assert.True(Assert.Single(models.Data, m => m.Id == "tiny").Default);
        Assert.Equal("tiny", (await _daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 2))).Model);

        // The registration survives in the state directory.
        Assert.Contains(copy, await File.ReadAllTextAsync(Path.Combine(_daemon.DataDir, "registry.json")));

        var truncated = dir.File("broken.gguf");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(TestPaths.Stories))[..50_000]);
        var refused = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "models", "add", truncated);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("truncated", refused.Stderr);
    }

    [Fact]
    public async Task A_refused_task_exits_1_with_the_error_code()
    {
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "generate", "hi", "--model", "no-such-model");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model_not_found", result.Stderr);

        var json = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "--json", "generate", "hi", "--model", "no-such-model");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("model_not_found", JsonDocument.Parse(json.Stderr).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("generate")]
    [InlineData("generate", "x", "--max-tokens", "many")]
    [InlineData("tasks", "show")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("llmosctl", result.Stderr);
    }

    [Fact]
    public async Task An_absent_daemon_exits_3_and_says_how_to_start_it()
    {
        using var dir = new TempDir();
        var result = await ProcessRunner.LlmosctlAsync(dir.File("none.sock"), "status");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("llmosd", result.Stderr);
        Assert.Contains("Start", result.Stderr);
    }
}
