using System.CommandLine;
using LlmOs.Client.Speech;
using LlmOs.Ctl.Cli;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl speak "TEXT" -o OUT.wav</c>: the text spoken by espeak-ng in llmosd, written as a WAV file (<c>-o -</c>: to stdout).</summary>
internal static class SpeakCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "What to say" };
        var outputFile = new Option<string>("--output", "-o") { Description = "The WAV file to write (- for stdout)", HelpName = "OUT.wav", Required = true };
        var voice = new Option<string?>("--voice") { Description = "The espeak-ng voice: 'en-us', 'en-gb', 'de'… (default: the daemon's)" };
        var speed = new Option<int?>("--speed") { Description = "Words per minute (default: espeak-ng's, 175)", HelpName = "WPM" };
        var sampleRate = new Option<int?>("--sample-rate") { Description = "The WAV's sample rate: 16000 or 22050 (default: the daemon's)", HelpName = "HZ" };

        var command = new Command("speak", "Say a text aloud into a WAV file") { text, outputFile, voice, speed, sampleRate };
        speed.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int?>() is < 80 or > 450)
            {
                result.AddError("--speed must be from 80 to 450 words per minute");
            }
        });
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(text)))
            {
                result.AddError("there is nothing to say: the text is empty");
            }
        });
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            string path = parse.GetValue(outputFile)!;
            LocalFile.CheckWritable(path);
            var wav = await client.SpeakAsync(parse.GetValue(text)!, new SpeakOptions(parse.GetValue(voice), parse.GetValue(speed), parse.GetValue(sampleRate)), cancellationToken)
                .ConfigureAwait(false);
            await LocalFile.WriteAsync(path, wav, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
