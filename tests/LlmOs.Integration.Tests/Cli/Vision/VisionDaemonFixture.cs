using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>One llmosd with the real MobileNet dropped in its models folder (with its labels beside it), shared by a class's tests.</summary>
public sealed class VisionDaemonFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        VisionFiles.DropIntoModels(Path.Combine(_dir.Path, "data", "models"));
        Daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Directory = _dir.Path });
    }

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        _dir.Dispose();
    }
}
