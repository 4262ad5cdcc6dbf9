using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Client.Speech;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl voice FILE</c>: a spoken command, understood and acted on as <c>llmosctl ask</c> does with words. Prints the
/// reply, then the action line (<c>action: app.open firefox.desktop</c>) when there is one; <c>--speak-to OUT.wav</c> also
/// writes the reply spoken. <c>--json</c> prints the result object (transcript, recognizer, accepted, intent, slots,
/// confidence, handler, text, action; audio is null, as the spoken reply goes to the file). FILE <c>-</c> streams stdin.
/// </summary>
internal static class VoiceCommand
{
    /// <summary>
    /// The wire's contract, but every field but <c>audio</c> written even when null (intent, slots, handler, action), so
    /// that a script finds the same fields in every answer; the spoken reply, if any, is in the --speak-to file.
    /// </summary>
    internal static readonly JsonTypeInfo<VoiceResultDto> ResultObject = (JsonTypeInfo<VoiceResultDto>)new JsonSerializerOptions(IpcJsonContext.Default.Options)
    {
        TypeInfoResolver = IpcJsonContext.Default.WithAddedModifier(static type =>
        {
            if (type.Type == typeof(VoiceResultDto))
            {
                foreach (var property in type.Properties.Where(p => p.Name != "audio"))
                {
                    property.ShouldSerialize = static (_, _) => true;
                }
            }
        }),
    }.GetTypeInfo(typeof(VoiceResultDto));

    public static Command Create()
    {
        var audio = new AudioInput();
        var speakTo = new Option<string?>("--speak-to") { Description = "Also write the reply, spoken, to this WAV file (- for stdout)", HelpName = "OUT.wav" };
        var language = new Option<string?>("--language", "-l") { Description = "The spoken language, a code such as 'en' (default: the daemon's)" };
        var timeZone = new Option<string?>("--time-zone") { Description = "Your time zone, an IANA id (default: this machine's)" };
        var voice = new Option<string?>("--voice") { Description = "The espeak-ng voice of the spoken reply (with --speak-to)" };
        var speed = new Option<int?>("--speed") { Description = "Words per minute of the spoken reply (with --speak-to)", HelpName = "WPM" };

        var command = new Command("voice", "Say what you want: llmosd hears the command in an audio file (or stdin), does it and answers")
        {
            speakTo, language, timeZone, voice, speed,
        };
        audio.AddTo(command);
        speed.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int?>() is < 80 or > 450)
            {
                result.AddError("--speed must be from 80 to 450 words per minute");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(speakTo) is null && (result.GetValue(voice) is not null || result.GetValue(speed) is not null))
            {
                result.AddError("--voice and --speed shape the spoken reply; they go with --speak-to");
            }
        });
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            string? reply = parse.GetValue(speakTo);
            if (reply is not null)
            {
                LocalFile.CheckWritable(reply);
            }

            var options = new VoiceOptions(
                parse.GetValue(language),
                parse.GetValue(timeZone) ?? AskerLocale.TimeZone(),
                reply is not null,
                parse.GetValue(voice),
                parse.GetValue(speed));
            var result = await client.VoiceAsync(audio.Open(parse), options, cancellationToken).ConfigureAwait(false);
            if (reply is not null)
            {
                await LocalFile.WriteAsync(
                    reply,
                    result.Audio is { } audio
                        ? Convert.FromBase64String(audio)
                        : throw new LlmOs.Client.LlmosException(LlmOs.Ipc.Errors.ErrorCodes.Internal, "llmosd answered without the spoken reply it was asked for"),
                    cancellationToken).ConfigureAwait(false);
            }

            if (output.IsJson)
            {
                Output.Json(result with { Audio = null }, ResultObject);
                return ExitCodes.Ok;
            }

            // With the spoken reply on stdout, the text would spoil the WAV: it goes to stderr then.
            var text = reply == "-" ? Console.Error : Console.Out;
            await text.WriteLineAsync(result.Text).ConfigureAwait(false);
            if (result.Action is { Count: > 0 } action)
            {
                await text.WriteLineAsync(AskCommand.ActionLine(action)).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
