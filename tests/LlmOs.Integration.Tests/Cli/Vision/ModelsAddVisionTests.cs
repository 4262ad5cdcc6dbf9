using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.Vision;
using LlmOs.Ipc;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary><c>llmosctl models add MODEL.onnx --labels LABELS.json</c>: an image classifier registered by hand is a vision model that classifies.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ModelsAddVisionTests
{
    [Fact]
    public async Task Models_add_with_labels_registers_a_vision_model_that_list_shows_and_classify_uses()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var dir = new TempDir();

        // Names that match no convention: the labels come from --labels alone.
        string model = dir.File("classifier.onnx");
        string labels = dir.File("names.json");
        File.Copy(VisionDaemon.MobileNet, model);
        File.Copy(VisionDaemon.LabelsFile, labels);

        var added = await ProcessRunner.LlmosctlAsync(daemon.Socket, "models", "add", model, "--name", "eaglenet", "--labels", labels);
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.StartsWith("added eaglenet (vision", added.Stdout);

        var list = await ProcessRunner.LlmosctlAsync(daemon.Socket, "models", "list");
        Assert.Equal(0, list.ExitCode);
        string row = Assert.Single(list.Stdout.Split('\n'), line => line.StartsWith("eaglenet ", StringComparison.Ordinal));
        Assert.Equal("vision", row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.Contains(list.Stdout.Split('\n'), line => line.StartsWith("stories260K ", StringComparison.Ordinal) && line.Contains(" text "));

        var json = await ProcessRunner.LlmosctlAsync(daemon.Socket, "models", "list", "--json");
        var models = JsonSerializer.Deserialize(json.Stdout, IpcJsonContext.Default.ModelListResponse)!;
        Assert.Equal("vision", Assert.Single(models.Data, m => m.Id == "eaglenet").Kind);

        var classified = await ProcessRunner.LlmosctlAsync(daemon.Socket, "image", "classify", Pictures.Photo("eagle.jpg"), "--model", "eaglenet", "--top", "1");
        Assert.True(classified.ExitCode == 0, classified.Stderr);
        Assert.EndsWith("  bald eagle\n", classified.Stdout);

        // An image model the daemon does not know is refused with its code.
        var unknown = await ProcessRunner.LlmosctlAsync(daemon.Socket, "image", "classify", Pictures.Photo("eagle.jpg"), "--model", "no-such-net");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("model_not_found", unknown.Stderr);
    }
}
