using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.SpeechCli;

/// <summary>
/// The official <c>openai</c> npm client, unchanged, against llmosd's <c>/v1/audio/transcriptions</c> and
/// <c>/v1/audio/speech</c> (OpenAi/node/speech.mjs). The daemon holds the Whisper test model, which loads and runs but
/// has no trained weights: its transcription of jfk.wav is well formed and empty.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class NodeOpenAiAudioTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "LlmOs.Integration.Tests", "OpenAi", "node");

    [Fact]
    public async Task The_stock_openai_client_transcribes_speaks_and_reads_a_refusal()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "data", "models"));
        File.Copy(SpokenAudio.WhisperTestModel, Path.Combine(dir.Path, "data", "models", Path.GetFileName(SpokenAudio.WhisperTestModel)));
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Directory = dir.Path });
        var models = await daemon.Client.ListModelsAsync();
        string speechModel = Assert.Single(models.Data, m => m.Kind == "asr").Id;

        await EnsurePackagesAsync();
        var run = await ProcessRunner.RunAsync("node", ["speech.mjs", daemon.Socket, speechModel, SpokenAudio.Jfk], timeout: TimeSpan.FromSeconds(120), workingDirectory: Folder);
        Assert.True(run.ExitCode == 0, $"node speech.mjs failed ({run.ExitCode}):\n{run.Stderr}\n{run.Stdout}\n{daemon.Log}");
        var result = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.Equal("", result.GetProperty("transcription").GetProperty("text").GetString());
        var verbose = result.GetProperty("verbose");
        Assert.Equal("", verbose.GetProperty("text").GetString());
        Assert.Equal(11.0, verbose.GetProperty("duration").GetDouble(), 0.1); // jfk.wav is 11 s long
        Assert.Equal(0, verbose.GetProperty("segments").GetInt32());

        var speech = result.GetProperty("speech");
        Assert.StartsWith("audio/wav", speech.GetProperty("content_type").GetString());
        Assert.Equal("RIFF", speech.GetProperty("riff").GetString());
        Assert.Equal("WAVE", speech.GetProperty("wave").GetString());
        Assert.True(speech.GetProperty("bytes").GetInt32() > 10_000, speech.ToString());

        var error = result.GetProperty("error");
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
    }

    /// <summary>CI installs the packages with <c>npm ci</c> before the tests; a developer's first run does it here.</summary>
    private static async Task EnsurePackagesAsync()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", "openai", "package.json")))
        {
            return;
        }

        var install = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], timeout: TimeSpan.FromMinutes(5), workingDirectory: Folder);
        Assert.True(install.ExitCode == 0, $"npm ci failed in {Folder}:\n{install.Stderr}");
    }
}
