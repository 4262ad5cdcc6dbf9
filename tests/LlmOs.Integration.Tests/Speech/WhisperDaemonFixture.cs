using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.SpeechCli;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>One llmosd with the Whisper test model in its models folder, shared by a class's transcriptions.</summary>
public sealed class WhisperDaemonFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public DaemonProcess Daemon { get; private set; } = null!;

    /// <summary>The speech model the registry made of the ggml file.</summary>
    public string Model { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string models = Path.Combine(_dir.Path, "data", "models");
        Directory.CreateDirectory(models);
        File.Copy(SpokenAudio.WhisperTestModel, Path.Combine(models, Path.GetFileName(SpokenAudio.WhisperTestModel)));
        Daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Directory = _dir.Path, WithModel = false });
        Model = Assert.Single((await Daemon.Client.ListModelsAsync()).Data, m => m.Kind == "asr").Id;
    }

    public async Task DisposeAsync()
    {
        await Daemon.DisposeAsync();
        _dir.Dispose();
    }
}
