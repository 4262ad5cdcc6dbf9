using LlmOs.Engine.Tesseract;
using LlmOs.Engine.Vision.Tests.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Vision.Tests.Ocr;

/// <summary>Several recognitions at once, cancelling a long one, and freeing the pooled instances.</summary>
public sealed class TesseractConcurrencyTests
{
    private static readonly string ThreeLinesText = string.Join('\n', TextImage.ThreeLines);

    [Fact]
    public async Task Four_recognitions_at_once_all_read_their_text()
    {
        using var engine = new TesseractOcrEngine(new TesseractOptions { MaxConcurrency = 2 }, NullLogger<TesseractOcrEngine>.Instance);
        RgbImage image = TextImage.Render(TextImage.ThreeLines, 1000, 260);

        OcrResult[] results = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => engine.RecognizeAsync(image, "eng", CancellationToken.None)));

        Assert.All(results, result =>
        {
            Assert.True(CharacterErrors.Rate(ThreeLinesText, result.Text) <= 0.03, $"read:\n{result.Text}");
            Assert.Equal(3, result.Lines.Count);
        });
    }

    [Fact]
    public async Task Cancelling_a_long_recognition_stops_it_and_the_engine_reads_correctly_afterwards()
    {
        var logger = new CapturingLogger<TesseractOcrEngine>();
        using var engine = new TesseractOcrEngine(new TesseractOptions { MaxConcurrency = 1 }, logger);
        RgbImage page = TextImage.Render(ManyLines(56), 3000, 3000, textSize: 32, lineHeight: 52);
        using var cancellation = new CancellationTokenSource();

        Task<OcrResult> reading = engine.RecognizeAsync(page, "eng", cancellation.Token);
        await WaitForInstanceAsync(logger, reading);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Contains(logger.Entries, entry => entry.Id.Id == 1532);

        // The same (single) pooled instance serves the next call.
        OcrResult after = await engine.RecognizeAsync(TextImage.Render(TextImage.ThreeLines, 1000, 260), "eng", CancellationToken.None);
        Assert.True(CharacterErrors.Rate(ThreeLinesText, after.Text) <= 0.03, $"read:\n{after.Text}");
        Assert.Single(logger.Entries, entry => entry.Id.Id == 1530);
    }

    [Fact]
    public async Task Dispose_frees_the_pooled_instances_and_may_be_called_twice()
    {
        var logger = new CapturingLogger<TesseractOcrEngine>();
        var engine = new TesseractOcrEngine(new TesseractOptions(), logger);
        OcrResult result = await engine.RecognizeAsync(TextImage.Render(TextImage.ThreeLines, 1000, 260), "eng", CancellationToken.None);
        Assert.Equal(3, result.Lines.Count);

        engine.Dispose();
        engine.Dispose();

        Assert.Single(logger.Entries, entry => entry.Id.Id == 1534 && entry.Message.Contains("1 instance(s) freed", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => engine.RecognizeAsync(TextImage.Blank(64, 64), "eng", CancellationToken.None));
    }

    /// <summary>Lines of about 110 characters: a few seconds of recognition, or much more on a busy machine.</summary>
    private static string[] ManyLines(int count) =>
        Enumerable.Range(1, count)
            .Select(i => $"{i:D2} {TextImage.ThreeLines[i % 3]} {TextImage.ThreeLines[(i + 1) % 3]} {i * 7919}")
            .ToArray();

    /// <summary>Waits until the engine has opened its tesseract instance, so the recognition is under way when cancelled.</summary>
    private static async Task WaitForInstanceAsync(CapturingLogger<TesseractOcrEngine> logger, Task reading)
    {
        while (!reading.IsCompleted && !logger.Entries.Any(entry => entry.Id.Id == 1530))
        {
            await Task.Delay(10);
        }
    }
}
