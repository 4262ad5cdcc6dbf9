namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>One daemon shared by the tests of a class that do not disturb it.</summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await DaemonProcess.StartAsync();

    public async Task DisposeAsync() => await Daemon.DisposeAsync();
}
