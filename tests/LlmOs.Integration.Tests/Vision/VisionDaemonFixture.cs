using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>One vision daemon (MobileNet, tesseract, no language model) shared by the tests of a class that do not disturb it.</summary>
public sealed class VisionDaemonFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await VisionDaemon.StartAsync(_dir.Path);

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        _dir.Dispose();
    }
}
