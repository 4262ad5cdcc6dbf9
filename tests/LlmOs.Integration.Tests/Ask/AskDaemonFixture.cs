using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Ask;

/// <summary>One daemon with the test apps installed and stories260K as its language model, shared by a test class.</summary>
public class AskDaemonFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public DaemonProcess Daemon { get; private set; } = null!;

    /// <summary>Whether the daemon has a language model (the last recogniser, and chat).</summary>
    protected virtual bool WithModel => true;

    public async Task InitializeAsync() => Daemon = await AskDaemon.StartAsync(_dir.Path, WithModel);

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        _dir.Dispose();
    }
}
