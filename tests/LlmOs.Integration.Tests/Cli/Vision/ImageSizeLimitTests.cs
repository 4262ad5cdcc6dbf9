using LlmOs.Client;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.Vision;
using LlmOs.Ipc.Errors;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>
/// A file over llmosd's MaxImageBytes, streamed by the client as the request's body (or as base64 in an ask): llmosd
/// refuses it from its Content-Length before reading it, and the client reports that refusal (too_large), not a broken
/// connection.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageSizeLimitTests
{
    [Fact]
    public async Task A_file_over_the_byte_limit_is_too_large_for_the_library_and_llmosctl_however_large()
    {
        using var dir = new TempDir();
        await using var daemon = await VisionDaemon.StartAsync(dir.Path, environment: new Dictionary<string, string> { ["LLMOSD_MAXIMAGEBYTES"] = "100000" });

        string eagle = Pictures.Photo("eagle.jpg"); // 141,886 bytes
        Assert.True(new FileInfo(eagle).Length > 100_000);

        var refused = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ClassifyImageAsync(eagle));
        Assert.Equal(ErrorCodes.TooLarge, refused.Code);
        var unread = await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ReadImageTextAsync(eagle));
        Assert.Equal(ErrorCodes.TooLarge, unread.Code);

        var cli = await ProcessRunner.LlmosctlAsync(daemon.Socket, "image", "classify", eagle);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("too_large", cli.Stderr);

        // Far more than the socket's buffers hold: llmosd refuses it from its Content-Length without reading it, and the
        // client, which waits for the go-ahead before sending a large body, gets that refusal instead of a broken pipe.
        string big = dir.File("big.jpg");
        var bytes = new byte[16 << 20];
        new Random(3).NextBytes(bytes);
        await File.WriteAllBytesAsync(big, bytes);
        Assert.Equal(ErrorCodes.TooLarge, (await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ClassifyImageAsync(big))).Code);
        Assert.Equal(ErrorCodes.TooLarge, (await Assert.ThrowsAsync<LlmosException>(() => daemon.Client.ReadImageTextAsync(bytes))).Code);
        foreach (string[] command in (string[][])[["image", "ocr", big], ["ask", "--image", big, "what is in this picture?"]])
        {
            var result = await ProcessRunner.LlmosctlAsync(daemon.Socket, command);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("(too_large)", result.Stderr);
        }

        // An image under the limit still goes through on the same client.
        byte[] small = Pictures.TextPng(Pictures.ThreeLines);
        Assert.True(small.Length < 100_000);
        var text = await daemon.Client.ReadImageTextAsync(small);
        Assert.InRange(OcrText.EditDistance(text.Text, Pictures.ThreeLines), 0, 4);
    }
}
