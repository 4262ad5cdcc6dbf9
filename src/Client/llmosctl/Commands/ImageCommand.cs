using System.CommandLine;
using System.Globalization;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Vision;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl image classify FILE</c>: one line per label, best first, <c>0.873  bald eagle</c> (the probability with
/// three decimals, two spaces, the label); <c>llmosctl image ocr FILE</c>: the text in the image. With <c>--json</c>, the
/// daemon's answer as it is (<c>{"model","labels":[{"label","probability"}]}</c>, <c>{"text","confidence","lines"}</c>).
/// </summary>
internal static class ImageCommand
{
    public static Command Create() =>
        new("image", "Say what is in an image, or read the text in it") { Classify(), Ocr() };

    /// <summary>"0.873  bald eagle".</summary>
    internal static string LabelLine(LabelScoreDto label) =>
        label.Probability.ToString("0.000", CultureInfo.InvariantCulture) + "  " + label.Label;

    private static Command Classify()
    {
        var file = ImageFile.Argument($"The image file ({ImageFile.Formats})");
        var model = new Option<string?>("--model", "-m") { Description = "Vision model name (default: the daemon's default vision model)" };
        var top = new Option<int>("--top") { Description = "How many labels to print, best first (1 to 100)", DefaultValueFactory = _ => 5 };

        var command = new Command("classify", "Say what is in an image: its most likely labels, best first, with their probabilities") { file, model, top };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var image = ImageFile.Open(parse.GetValue(file)!);
            var result = await client.ClassifyImageAsync(image, parse.GetValue(model), parse.GetValue(top), cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(result, IpcJsonContext.Default.ClassifyResponse);
                return ExitCodes.Ok;
            }

            foreach (var label in result.Labels)
            {
                Console.Out.WriteLine(LabelLine(label));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Ocr()
    {
        var file = ImageFile.Argument($"The image file ({ImageFile.Formats}): a screenshot, a scan, a photo of a page");
        var language = new Option<string?>("--language", "-l") { Description = "The text's language: a tesseract language such as 'eng', or a code such as 'en' (default: the daemon's)" };

        var command = new Command("ocr", "Read the text in an image") { file, language };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var image = ImageFile.Open(parse.GetValue(file)!);
            var result = await client.ReadImageTextAsync(image, parse.GetValue(language), cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(result, IpcJsonContext.Default.OcrResponse);
                return ExitCodes.Ok;
            }

            // Nothing at all for an image without text, so that a script's "$(llmosctl image ocr x.png)" is empty.
            string text = result.Text.TrimEnd('\n', '\r');
            if (text.Length > 0)
            {
                Console.Out.WriteLine(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
