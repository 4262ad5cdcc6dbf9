using LlmOs.Engine.Errors;
using LlmOs.Engine.Tesseract;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Vision.Tests.Ocr;

/// <summary>Debian's tesseract on text rendered in the test: what it reads, where, and what it refuses.</summary>
public sealed class TesseractRecognitionTests
{
    private static TesseractOcrEngine NewEngine(string? dataPath = null) =>
        new(new TesseractOptions { DataPath = dataPath }, NullLogger<TesseractOcrEngine>.Instance);

    [Fact]
    public async Task Reads_three_rendered_lines_in_order_with_boxes_inside_the_image()
    {
        using var engine = NewEngine();
        RgbImage image = TextImage.Render(TextImage.ThreeLines, 1000, 260);

        OcrResult result = await engine.RecognizeAsync(image, "eng", CancellationToken.None);

        string expected = string.Join('\n', TextImage.ThreeLines);
        Assert.True(CharacterErrors.Rate(expected, result.Text) <= 0.03, $"read:\n{result.Text}");
        Assert.Equal(3, result.Lines.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(CharacterErrors.Rate(TextImage.ThreeLines[i], result.Lines[i].Text) <= 0.05, $"line {i}: {result.Lines[i].Text}");
            Assert.InRange(result.Lines[i].Confidence, 50, 100);
        }

        Assert.Equal(string.Join('\n', result.Lines.Select(l => l.Text)), result.Text);
        Assert.InRange(result.Confidence, 50, 100);
        foreach (OcrLine line in result.Lines)
        {
            Assert.True(line.X >= 0 && line.Y >= 0 && line.Width > 0 && line.Height > 0, $"box {line}");
            Assert.True(line.X + line.Width <= image.Width && line.Y + line.Height <= image.Height, $"box {line}");
        }

        for (int i = 1; i < 3; i++)
        {
            Assert.True(result.Lines[i].Y >= result.Lines[i - 1].Y + result.Lines[i - 1].Height, "lines go down the page without overlapping");
        }
    }

    [Fact]
    public async Task A_blank_image_reads_as_no_text()
    {
        using var engine = NewEngine();

        OcrResult result = await engine.RecognizeAsync(TextImage.Blank(640, 480), "eng", CancellationToken.None);

        Assert.Equal(string.Empty, result.Text);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public async Task Lists_english_and_refuses_an_unknown_language_naming_the_installed_ones()
    {
        using var engine = NewEngine();
        Assert.Contains("eng", engine.Languages);
        Assert.DoesNotContain("osd", engine.Languages);

        var error = await Assert.ThrowsAsync<EngineException>(
            () => engine.RecognizeAsync(TextImage.Blank(64, 64), "xx", CancellationToken.None));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("'xx'", error.Message, StringComparison.Ordinal);
        Assert.Contains("eng", error.Message, StringComparison.Ordinal);
        Assert.Equal("options.language", error.Field);
    }

    [Fact]
    public async Task Language_data_tesseract_cannot_load_is_unsupported_naming_the_packages()
    {
        using var folder = new OcrTempDirectory();
        await File.WriteAllTextAsync(folder.File("eng.traineddata"), "this is not tesseract language data");
        using var engine = NewEngine(folder.Path);
        Assert.Equal(["eng"], engine.Languages);

        var error = await Assert.ThrowsAsync<EngineException>(
            () => engine.RecognizeAsync(TextImage.Render(TextImage.ThreeLines, 1000, 260), "eng", CancellationToken.None));

        Assert.Equal(ErrorKind.Unsupported, error.Kind);
        Assert.Contains("libtesseract5 tesseract-ocr-eng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_language_data_is_unsupported_naming_the_packages()
    {
        using var folder = new OcrTempDirectory();
        using var engine = NewEngine(folder.Path);
        Assert.Empty(engine.Languages);

        var error = await Assert.ThrowsAsync<EngineException>(
            () => engine.RecognizeAsync(TextImage.Blank(64, 64), "eng", CancellationToken.None));

        Assert.Equal(ErrorKind.Unsupported, error.Kind);
        Assert.Contains("libtesseract5 tesseract-ocr-eng", error.Message, StringComparison.Ordinal);
    }
}
