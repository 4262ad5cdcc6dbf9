using System.CommandLine;
using LlmOs.Client.Speech;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl transcribe FILE</c>: the words spoken in an audio file, as one text; with <c>--json</c>, the daemon's answer
/// (<c>{"text","language","duration","segments":[{"start","end","text"}],"model"}</c>). Open transcription needs a speech
/// model (a Whisper ggml file); without one llmosd refuses with <c>needs_model</c>.
/// </summary>
internal static class TranscribeCommand
{
    public static Command Create()
    {
        var audio = new AudioInput();
        var model = new Option<string?>("--model", "-m") { Description = "Speech model name (default: the daemon's default speech model)" };
        var language = new Option<string?>("--language", "-l") { Description = "The spoken language, a code such as 'en' (default: detected)" };

        var command = new Command("transcribe", "Write down the words spoken in an audio file") { model, language };
        audio.AddTo(command);
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var result = await client.TranscribeAsync(audio.Open(parse), new TranscribeOptions(parse.GetValue(model), parse.GetValue(language)), cancellationToken)
                .ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(result, IpcJsonContext.Default.TranscriptionResponse);
                return ExitCodes.Ok;
            }

            // Nothing at all when nothing was said, so that a script's "$(llmosctl transcribe x.wav)" is empty.
            string text = result.Text.Trim();
            if (text.Length > 0)
            {
                Console.Out.WriteLine(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
