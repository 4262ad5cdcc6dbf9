using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>One daemon with the test apps installed and stories260K as its language model, shared by a test class.</summary>
public sealed class AskDaemonFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await AskDaemon.StartAsync(_dir.Path);

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        _dir.Dispose();
    }
}
