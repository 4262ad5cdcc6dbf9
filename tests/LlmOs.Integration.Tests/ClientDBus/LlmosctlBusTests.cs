using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.ClientDBus;

/// <summary><c>llmosctl --bus ADDRESS</c> end to end: the same commands, over D-Bus.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class LlmosctlBusTests
{
    [Fact]
    public async Task Generate_and_status_work_over_the_bus()
    {
        await using var daemon = await BusDaemon.StartAsync();
        var expected = await daemon.Daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 30, Temperature: 0, Seed: 5));

        var generate = await LlmosctlAsync(daemon, "generate", "Once upon a time", "--max-tokens", "30", "--temperature", "0", "--seed", "5");
        Assert.Equal(0, generate.ExitCode);
        Assert.Equal(expected.Result!.Text + "\n", generate.Stdout);

        var status = await LlmosctlAsync(daemon, "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("user mode", status.Stdout);
        Assert.Contains("stories260K", status.Stdout);

        var json = await LlmosctlAsync(daemon, "status", "--json");
        Assert.Equal(daemon.Daemon.Socket, JsonSerializer.Deserialize(json.Stdout, IpcJsonContext.Default.StatusResponse)!.Socket);
    }

    [Fact]
    public async Task Socket_only_commands_say_so_and_a_bus_without_llmosd_is_unreachable()
    {
        await using var daemon = await BusDaemon.StartAsync();

        var top = await LlmosctlAsync(daemon, "top", "--once");
        Assert.Equal(1, top.ExitCode);
        Assert.Contains("unsupported", top.Stderr);

        await using var empty = await PrivateBus.StartAsync();
        var absent = await ProcessRunner.RunAsync("dotnet", [TestPaths.Llmosctl, "--bus", empty.Address, "status"]);
        Assert.Equal(3, absent.ExitCode);
        Assert.Contains("llmosd", absent.Stderr);
    }

    private static Task<ProcessRunner.Result> LlmosctlAsync(BusDaemon daemon, params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [TestPaths.Llmosctl, "--bus", daemon.Address, .. args]);
}
