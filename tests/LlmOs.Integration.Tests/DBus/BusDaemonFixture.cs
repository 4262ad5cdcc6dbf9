using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>One private bus and daemon shared by the cases of a theory that do not disturb it (bad calls refused one by one).</summary>
public sealed class BusDaemonFixture : IAsyncLifetime
{
    public BusDaemon Bus { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Bus = await BusDaemon.StartAsync(new DaemonProcess.Options { Environment = new Dictionary<string, string> { ["LLMOSD_MAXPROMPTCHARS"] = "100" } });

    public async Task DisposeAsync() => await Bus.DisposeAsync();
}
