using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.Vision;
using LlmOs.Ipc;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary><c>llmosctl image classify|ocr</c> and <c>llmosctl ask --image</c> over the socket, against llmosd with the real MobileNet and tesseract.</summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class ImageCliTests(VisionDaemonFixture fixture) : IClassFixture<VisionDaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task Classify_prints_one_label_per_line_best_first_as_probability_two_spaces_label()
    {
        string eagle = Pictures.Photo("eagle.jpg");
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "image", "classify", eagle);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length); // the default --top
        Assert.EndsWith("bald eagle", lines[0]);
        var parsed = lines.Select(ParseLabelLine).ToList();
        Assert.Equal("bald eagle", parsed[0].Label);
        Assert.All(parsed, p => Assert.InRange(p.Probability, 0, 1));
        Assert.Equal(parsed.OrderByDescending(p => p.Probability).Select(p => p.Label), parsed.Select(p => p.Label));
        Assert.True(parsed.Sum(p => p.Probability) <= 1.005);

        // The same labels, in the same order, as the client library gets for the same file.
        var direct = await _daemon.Client.ClassifyImageAsync(eagle);
        Assert.Equal(direct.Labels.Select(l => l.Label), parsed.Select(p => p.Label));
        Assert.Equal(direct.Labels[0].Probability, parsed[0].Probability, 0.0015);
    }

    [Fact]
    public async Task Classify_with_top_and_json_prints_the_daemons_answer()
    {
        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "image", "classify", Pictures.Photo("eagle.jpg"), "--top", "3", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var answer = JsonSerializer.Deserialize(result.Stdout, IpcJsonContext.Default.ClassifyResponse)!;
        Assert.Equal(VisionDaemon.Model, answer.Model);
        Assert.Equal(3, answer.Labels.Count);
        Assert.Equal("bald eagle", answer.Labels[0].Label);
        Assert.True(answer.Labels[0].Probability > answer.Labels[1].Probability);
        Assert.True(answer.Labels[1].Probability >= answer.Labels[2].Probability);

        var dog = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "image", "classify", Pictures.Photo("dog.jpg"), "--top", "1", "--model", VisionDaemon.Model);
        Assert.True(dog.ExitCode == 0, dog.Stderr);
        Assert.Single(dog.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("eagle", dog.Stdout);
    }

    [Fact]
    public async Task Ocr_prints_the_text_rendered_into_an_image()
    {
        using var dir = new TempDir();
        string page = dir.File("page.png");
        await File.WriteAllBytesAsync(page, Pictures.TextPng(Pictures.ThreeLines));

        var result = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "image", "ocr", page);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.InRange(OcrText.EditDistance(result.Stdout, Pictures.ThreeLines), 0, 4);
        Assert.EndsWith("\n", result.Stdout);

        var json = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "image", "ocr", page, "--language", "eng", "--json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        var answer = JsonSerializer.Deserialize(json.Stdout, IpcJsonContext.Default.OcrResponse)!;
        Assert.InRange(OcrText.EditDistance(answer.Text, Pictures.ThreeLines), 0, 4);
        Assert.Equal(Pictures.ThreeLines.Length, answer.Lines.Count);
        Assert.InRange(answer.Confidence, 50, 100);
        Assert.True(answer.Lines[0].Box.Y < answer.Lines[1].Box.Y, "lines come top to bottom");
        Assert.All(answer.Lines, line => Assert.True(line.Box.Width > 0 && line.Box.Height > 0));
    }

    [Fact]
    public async Task Ask_with_an_image_describes_it_or_reads_it()
    {
        var describe = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "ask", "--image", Pictures.Photo("eagle.jpg"), "what is in this picture?", "--json");
        Assert.True(describe.ExitCode == 0, describe.Stderr);
        var described = JsonDocument.Parse(describe.Stdout).RootElement;
        Assert.Equal("image.describe", described.GetProperty("intent").GetString());
        Assert.Contains("eagle", described.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);

        using var dir = new TempDir();
        string page = dir.File("page.png");
        await File.WriteAllBytesAsync(page, Pictures.TextPng(Pictures.ThreeLines));
        var ocr = await _daemon.Client.ReadImageTextAsync(page);
        var read = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "ask", "--image", page, "read the text in this image", "--json");
        Assert.True(read.ExitCode == 0, read.Stderr);
        var readAnswer = JsonDocument.Parse(read.Stdout).RootElement;
        Assert.Equal("image.read_text", readAnswer.GetProperty("intent").GetString());
        Assert.Contains(ocr.Lines[0].Text, readAnswer.GetProperty("text").GetString());

        // Without --json: the reply itself.
        var plain = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "ask", "--image", Pictures.Photo("eagle.jpg"), "what is in this picture?");
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Contains("eagle", plain.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task What_is_no_image_is_refused_with_its_code_and_a_missing_file_is_a_local_error()
    {
        using var dir = new TempDir();
        string noise = dir.File("noise.jpg");
        await File.WriteAllBytesAsync(noise, Pictures.RandomBytes(64 * 1024, 7));

        foreach (string[] command in (string[][])[["image", "classify", noise], ["image", "ocr", noise], ["ask", "--image", noise, "what is in this picture?"]])
        {
            var refused = await ProcessRunner.LlmosctlAsync(_daemon.Socket, command);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("unsupported_media", refused.Stderr);
            Assert.DoesNotContain("   at ", refused.Stderr); // no stack trace
        }

        string huge = dir.File("huge.png");
        await File.WriteAllBytesAsync(huge, Pictures.PngDeclaring(100_000, 100_000));
        var tooLarge = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "--json", "image", "classify", huge);
        Assert.Equal(1, tooLarge.ExitCode);
        Assert.Equal("too_large", JsonDocument.Parse(tooLarge.Stderr).RootElement.GetProperty("error").GetProperty("code").GetString());

        foreach (string[] command in (string[][])[["image", "classify", dir.File("absent.jpg")], ["image", "ocr", dir.Path], ["ask", "--image", dir.File("absent.jpg"), "what is this?"]])
        {
            var local = await ProcessRunner.LlmosctlAsync(_daemon.Socket, command);
            Assert.Equal(2, local.ExitCode);
            Assert.Contains("llmosctl: ", local.Stderr);
            Assert.Matches("no such file|is a directory", local.Stderr);
            Assert.DoesNotContain("   at ", local.Stderr);
        }

        // The daemon is unharmed.
        var after = await ProcessRunner.LlmosctlAsync(_daemon.Socket, "image", "classify", Pictures.Photo("eagle.jpg"), "--top", "1");
        Assert.True(after.ExitCode == 0, after.Stderr);
        Assert.EndsWith("bald eagle\n", after.Stdout);
    }

    private static (double Probability, string Label) ParseLabelLine(string line)
    {
        var match = LabelLine().Match(line);
        Assert.True(match.Success, $"'{line}' is not '<probability>  <label>'");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value);
    }

    [GeneratedRegex(@"^([01]\.\d{3})  (\S.*)$")]
    private static partial Regex LabelLine();
}
