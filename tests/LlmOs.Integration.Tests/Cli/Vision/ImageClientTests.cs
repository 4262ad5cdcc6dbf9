using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.Vision;
using LlmOs.Ipc.Errors;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>The client library's image calls over the socket: a file (streamed as the body) and its bytes give the same answer.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageClientTests(VisionDaemonFixture fixture) : IClassFixture<VisionDaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task A_file_and_its_bytes_classify_alike()
    {
        string eagle = Pictures.Photo("eagle.jpg");
        var byPath = await _daemon.Client.ClassifyImageAsync(eagle, top: 3);
        var byBytes = await _daemon.Client.ClassifyImageAsync(await File.ReadAllBytesAsync(eagle), VisionDaemon.Model, 3);

        Assert.Equal(VisionDaemon.Model, byPath.Model);
        Assert.Equal("bald eagle", byPath.Labels[0].Label);
        VisionAssert.SameLabels(byPath, byBytes);
    }

    [Fact]
    public async Task A_file_and_its_bytes_read_alike_and_ask_takes_an_image()
    {
        using var dir = new TempDir();
        byte[] png = Pictures.TextPng(Pictures.ThreeLines);
        string page = dir.File("page.png");
        await File.WriteAllBytesAsync(page, png);

        var byPath = await _daemon.Client.ReadImageTextAsync(page);
        var byBytes = await _daemon.Client.ReadImageTextAsync(png, "eng");
        Assert.InRange(OcrText.EditDistance(byPath.Text, Pictures.ThreeLines), 0, 4);
        Assert.Equal(byPath.Text, byBytes.Text);

        var asked = await _daemon.Client.AskAsync("what is in this picture?", new AskOptions(Image: LlmosImage.FromFile(Pictures.Photo("eagle.jpg"))));
        Assert.Equal("image.describe", asked.Intent);
        Assert.Contains("eagle", asked.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task What_is_no_image_throws_unsupported_media_and_a_missing_file_throws_before_sending()
    {
        using var dir = new TempDir();
        string noise = dir.File("noise.jpg");
        await File.WriteAllBytesAsync(noise, Pictures.RandomBytes(64 * 1024, 7));

        var byPath = await Assert.ThrowsAsync<LlmosException>(() => _daemon.Client.ClassifyImageAsync(noise));
        Assert.Equal(ErrorCodes.UnsupportedMedia, byPath.Code);
        byte[] noiseBytes = await File.ReadAllBytesAsync(noise);
        var byBytes = await Assert.ThrowsAsync<LlmosException>(() => _daemon.Client.ReadImageTextAsync(noiseBytes));
        Assert.Equal(ErrorCodes.UnsupportedMedia, byBytes.Code);
        var tooLarge = await Assert.ThrowsAsync<LlmosException>(() => _daemon.Client.ClassifyImageAsync(Pictures.PngDeclaring(100_000, 100_000)));
        Assert.Equal(ErrorCodes.TooLarge, tooLarge.Code);

        await Assert.ThrowsAsync<FileNotFoundException>(() => _daemon.Client.ClassifyImageAsync(dir.File("absent.jpg")));
        Assert.Equal("bald eagle", (await _daemon.Client.ClassifyImageAsync(Pictures.Photo("eagle.jpg"), top: 1)).Labels[0].Label);
    }
}
