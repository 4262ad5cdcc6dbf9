using LlmOs.Client;
using LlmOs.Daemon;
using LlmOs.Daemon.Configuration;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests;

/// <summary>The daemon is a class: it runs in-process exactly as the llmosd program runs it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class EmbeddedDaemonTests
{
    [Fact]
    public async Task LlmosDaemon_starts_serves_and_stops_in_process()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("data/models"));
        File.Copy(TestPaths.Stories, dir.File("data/models/stories260K.gguf"));
        var settings = new DaemonSettings { Socket = dir.File("llmosd.sock"), DataDir = dir.File("data"), LogLevel = "Warning", Bus = DaemonBus.None };

        var daemon = LlmosDaemon.Create(settings);
        await using (daemon)
        {
            await daemon.StartAsync(CancellationToken.None);
            using var client = LlmosClient.ForSocket(settings.Socket);
            var task = await client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 12, Temperature: 0));
            Assert.Equal(12, task.Result!.Tokens);

            await daemon.StopAsync(CancellationToken.None);
            Assert.False(File.Exists(settings.Socket));
            await Assert.ThrowsAsync<LlmosUnreachableException>(() => client.HealthAsync());
        }
    }
}
