using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Serving;

/// <summary><c>llmosctl ps</c> and <c>llmosctl models load|unload</c>, as a person types them.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ResidencyCliTests
{
    [Fact]
    public async Task Ps_shows_what_models_load_loaded_and_unload_takes_it_away()
    {
        await using var daemon = await DaemonProcess.StartAsync();

        var empty = await ProcessRunner.LlmosctlAsync(daemon.Socket, "ps");
        Assert.Equal(0, empty.ExitCode);
        Assert.DoesNotContain("stories260K", empty.Stdout);
        Assert.Contains("accelerator: cpu", empty.Stdout);

        var load = await ProcessRunner.LlmosctlAsync(daemon.Socket, "models", "load", "stories260K", "--keep-alive", "600");
        Assert.Equal(0, load.ExitCode);
        Assert.Contains("loaded stories260K", load.Stdout);

        var ps = await ProcessRunner.LlmosctlAsync(daemon.Socket, "ps");
        var row = Assert.Single(ps.Stdout.Split('\n'), l => l.StartsWith("stories260K", StringComparison.Ordinal));
        Assert.Contains("0/4", row);
        Assert.Contains("MiB", row);
        Assert.Contains("in 9m", row);

        var json = await ProcessRunner.LlmosctlAsync(daemon.Socket, "--json", "ps");
        var model = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("models")[0];
        Assert.Equal("stories260K", model.GetProperty("name").GetString());
        Assert.True(model.GetProperty("memory_bytes").GetInt64() > 0);

        var unload = await ProcessRunner.LlmosctlAsync(daemon.Socket, "models", "unload", "stories260K");
        Assert.Equal(0, unload.ExitCode);
        Assert.Contains("unloaded stories260K", unload.Stdout);
        Assert.DoesNotContain("stories260K", (await ProcessRunner.LlmosctlAsync(daemon.Socket, "ps")).Stdout);
    }
}
