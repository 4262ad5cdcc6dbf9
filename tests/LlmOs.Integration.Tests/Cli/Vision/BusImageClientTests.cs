using LlmOs.Client;
using LlmOs.Integration.Tests.ClientDBus;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.Vision;
using LlmOs.Ipc.Errors;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>
/// The client library's image calls over D-Bus (a private bus): a file goes as its descriptor (ClassifyFd, OcrFd, AskFd),
/// bytes as ay (Classify, Ocr, Ask's image option); both give the socket's answer. The classifier is registered over the
/// bus with its labels (AddModel's labels option).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class BusImageClientTests
{
    private const string ModelName = "mobilenet";

    [Fact]
    public async Task A_file_descriptor_and_bytes_classify_and_read_as_the_socket_does()
    {
        await using var daemon = await StartWithClassifierAsync();
        string eagle = Pictures.Photo("eagle.jpg");

        var byDescriptor = await daemon.Client.ClassifyImageAsync(eagle, ModelName, 3);
        var byBytes = await daemon.Client.ClassifyImageAsync(await File.ReadAllBytesAsync(eagle), ModelName, 3);
        var bySocket = await daemon.Daemon.Client.ClassifyImageAsync(eagle, ModelName, 3);
        Assert.Equal(ModelName, byDescriptor.Model);
        Assert.Equal(3, byDescriptor.Labels.Count);
        Assert.Equal("bald eagle", byDescriptor.Labels[0].Label);
        VisionAssert.SameLabels(bySocket, byDescriptor);
        VisionAssert.SameLabels(bySocket, byBytes);

        using var dir = new TempDir();
        byte[] png = Pictures.TextPng(Pictures.ThreeLines);
        string page = dir.File("page.png");
        await File.WriteAllBytesAsync(page, png);
        var readByDescriptor = await daemon.Client.ReadImageTextAsync(page, "eng");
        var readByBytes = await daemon.Client.ReadImageTextAsync(png);
        Assert.InRange(OcrText.EditDistance(readByDescriptor.Text, Pictures.ThreeLines), 0, 4);
        Assert.Equal(readByDescriptor.Text, readByBytes.Text);
        Assert.Equal(Pictures.ThreeLines.Length, readByBytes.Lines.Count);

        // llmosctl over the bus takes the same road (the file's descriptor).
        var cli = await ProcessRunner.RunAsync("dotnet", [TestPaths.Llmosctl, "--bus", daemon.Address, "image", "classify", eagle, "--model", ModelName, "--top", "2"]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.EndsWith("  bald eagle", cli.Stdout.Split('\n')[0]);
    }

    [Fact]
    public async Task Ask_takes_an_image_by_descriptor_or_bytes_and_bad_images_are_refused_with_their_codes()
    {
        await using var daemon = await StartWithClassifierAsync();
        string eagle = Pictures.Photo("eagle.jpg");

        var byDescriptor = await daemon.Client.AskAsync("what is in this picture?", new AskOptions(Image: LlmosImage.FromFile(eagle)));
        var byBytes = await daemon.Client.AskAsync("what is in this picture?", new AskOptions(Image: LlmosImage.FromBytes(await File.ReadAllBytesAsync(eagle))));
        Assert.Equal("image.describe", byDescriptor.Intent);
        Assert.Contains("eagle", byDescriptor.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("image.describe", byBytes.Intent);

        using var dir = new TempDir();
        string noise = dir.File("noise.jpg");
        await File.WriteAllBytesAsync(noise, Pictures.RandomBytes(64 * 1024, 7));
        byte[] noiseBytes = await File.ReadAllBytesAsync(noise);
        Assert.Equal(ErrorCodes.UnsupportedMedia, (await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ClassifyImageAsync(noise))).Code);
        Assert.Equal(ErrorCodes.UnsupportedMedia, (await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ReadImageTextAsync(noiseBytes))).Code);
        Assert.Equal(
            ErrorCodes.UnsupportedMedia,
            (await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.AskAsync("what is in this picture?", new AskOptions(Image: LlmosImage.FromFile(noise))))).Code);
        Assert.Equal(ErrorCodes.TooLarge, (await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ClassifyImageAsync(Pictures.PngDeclaring(100_000, 100_000)))).Code);
        await Assert.ThrowsAsync<FileNotFoundException>(() => daemon.Client.ClassifyImageAsync(dir.File("absent.jpg")));

        // The connection and the daemon are unharmed.
        Assert.Equal("bald eagle", (await daemon.Client.ClassifyImageAsync(eagle, top: 1)).Labels[0].Label);
    }

    private static async Task<BusDaemon> StartWithClassifierAsync()
    {
        var daemon = await BusDaemon.StartAsync();
        try
        {
            var model = await daemon.Client.AddModelAsync(VisionDaemon.MobileNet, ModelName, labels: VisionDaemon.LabelsFile);
            Assert.Equal("vision", model.Kind);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }
}
