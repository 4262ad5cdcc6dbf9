using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Intents;

/// <summary><c>GET /v1/capabilities</c> and <c>llmosctl capabilities</c> on a fresh daemon with stories260K installed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CapabilityTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Text_generation_is_available_until_a_generation_loads_it_then_ready_and_the_rest_is_as_this_build_can()
    {
        using (var response = await _daemon.Http.GetAsync("v1/capabilities"))
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            Assert.Equal(
                ["text_generation", "embeddings", "transcription", "command_recognition", "speech_synthesis", "classification", "ocr", "intents"],
                root.EnumerateObject().Select(p => p.Name));
            foreach (var kind in root.EnumerateObject())
            {
                Assert.Equal(["state", "models", "detail"], kind.Value.EnumerateObject().Select(p => p.Name));
                Assert.False(string.IsNullOrWhiteSpace(kind.Value.GetProperty("detail").GetString()));
            }
        }

        var before = await _daemon.Client.GetCapabilitiesAsync();
        Assert.Equal(CapabilityStates.Available, before.TextGeneration.State);
        Assert.Equal(["stories260K"], before.TextGeneration.Models);
        Assert.Equal(CapabilityStates.Available, before.Embeddings.State);
        Assert.Equal(["all-minilm-l6-v2"], before.Embeddings.Models);
        Assert.Equal(CapabilityStates.Ready, before.Intents.State); // templates and skills need no model
        Assert.Equal(["stories260K"], before.Intents.Models);
        // Speech: no Whisper model is installed; pocketsphinx's English model and espeak-ng are (.ci/run installs them).
        Assert.Equal(CapabilityStates.NeedsModel, before.Transcription.State);
        Assert.Empty(before.Transcription.Models);
        Assert.Equal(CapabilityStates.Ready, before.CommandRecognition.State);
        Assert.Equal(CapabilityStates.Ready, before.SpeechSynthesis.State);
        Assert.Contains("en-us", before.SpeechSynthesis.Models);

        // Images: no classifier is installed here; text recognition needs only tesseract and its language data.
        Assert.Equal(CapabilityStates.NeedsModel, before.Classification.State);
        Assert.Contains("--labels", before.Classification.Detail);
        Assert.Equal(CapabilityStates.Ready, before.Ocr.State);
        Assert.Contains("eng", before.Ocr.Models);

        var table = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "capabilities");
        Assert.Equal(0, table.ExitCode);
        var lines = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("KIND", lines[0]);
        Assert.Matches(@"^text_generation\s+available\s+stories260K\s+installed", lines[1]);
        Assert.Matches(@"^ocr\s+ready\s+\S*eng", Assert.Single(lines, l => l.StartsWith("ocr", StringComparison.Ordinal)));

        await _daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 2, KeepAlive: JsonSerializer.SerializeToElement(-1)));

        var after = await _daemon.Client.GetCapabilitiesAsync();
        Assert.Equal(CapabilityStates.Ready, after.TextGeneration.State);
        Assert.Contains("stories260K", after.TextGeneration.Detail);
        Assert.Equal(CapabilityStates.Available, after.Embeddings.State);

        var json = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "capabilities", "--json");
        Assert.Equal(0, json.ExitCode);
        var printed = JsonSerializer.Deserialize(json.Stdout, IpcJsonContext.Default.CapabilitiesResponse)!;
        Assert.Equal(CapabilityStates.Ready, printed.TextGeneration.State);
        Assert.Equal((after.Ocr.State, after.Ocr.Detail), (printed.Ocr.State, printed.Ocr.Detail));
    }
}
