using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Errors;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>
/// A file over llmosd's MaxImageBytes, streamed by the client as the request's body: llmosd refuses it from its
/// Content-Length before reading it, and the client reports that refusal (too_large), not a broken connection.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageSizeLimitTests
{
    [Fact]
    public async Task A_streamed_file_over_the_byte_limit_is_too_large_for_the_library_and_llmosctl()
    {
        using var dir = new TempDir();
        VisionFiles.DropIntoModels(Path.Combine(dir.Path, "data", "models"));
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options
        {
            Directory = dir.Path,
            Environment = new Dictionary<string, string> { ["LLMOSD_MAXIMAGEBYTES"] = "100000" },
        });

        string eagle = VisionFiles.Photo("eagle.jpg"); // 141,886 bytes
        Assert.True(new FileInfo(eagle).Length > 100_000);

        var refused = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ClassifyImageAsync(eagle));
        Assert.Equal(ErrorCodes.TooLarge, refused.Code);
        var unread = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ReadImageTextAsync(eagle));
        Assert.Equal(ErrorCodes.TooLarge, unread.Code);

        var cli = await ProcessRunner.LlmosctlAsync(daemon.Socket, "image", "classify", eagle);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("too_large", cli.Stderr);

        // An image under the limit still goes through on the same client.
        byte[] small = TextImage.RenderPng(TextImage.Sample);
        Assert.True(small.Length < 100_000);
        var text = await daemon.Client.ReadImageTextAsync(small);
        Assert.InRange(TextImage.EditDistance(text.Text, TextImage.Sample), 0, 4);
    }
}
