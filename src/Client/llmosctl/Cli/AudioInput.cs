using System.CommandLine;
using LlmOs.Client.Speech;

namespace LlmOs.Ctl.Cli;

/// <summary>
/// The audio a speech command reads: a file named on the command line, or <c>-</c> for stdin read as it arrives (so that
/// <c>arecord … | llmosctl voice - --format s16le</c> streams while the user speaks); raw PCM declared with <c>--format</c>,
/// <c>--rate</c> and <c>--channels</c>.
/// </summary>
internal sealed class AudioInput
{
    public const string Formats = "WAV, MP3 or Ogg/Opus; raw PCM with --format";

    public Argument<string> File { get; } = new("file") { Description = $"The audio file ({Formats}), or - to read it from stdin as it is recorded" };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "The audio is raw PCM in this sample format: s16le (arecord -f S16_LE), s32le, f32le, u8…",
        HelpName = "ENCODING",
    };

    public Option<int> Rate { get; } = new("--rate") { Description = "Raw PCM's sample rate in Hz (with --format)", DefaultValueFactory = _ => 16_000 };

    public Option<int> Channels { get; } = new("--channels") { Description = "Raw PCM's channel count (with --format)", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        Rate.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < 1000 or > 384_000)
            {
                result.AddError("--rate must be a sample rate in Hz from 1000 to 384000");
            }
        });
        Channels.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 8)
            {
                result.AddError("--channels must be from 1 to 8");
            }
        });
        command.Add(File);
        command.Add(Format);
        command.Add(Rate);
        command.Add(Channels);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Format) is null && (result.GetResult(Rate) is { Implicit: false } || result.GetResult(Channels) is { Implicit: false }))
            {
                result.AddError("--rate and --channels describe raw PCM; they go with --format");
            }
        });
    }

    /// <summary>The audio named on <paramref name="parse"/>'s command line; a file that cannot be read is a local error (exit 2) before llmosd is asked.</summary>
    public LlmosAudio Open(ParseResult parse)
    {
        string path = parse.GetValue(File)!;
        var pcm = parse.GetValue(Format) is { } format ? new PcmFormat(format, parse.GetValue(Rate), parse.GetValue(Channels)) : null;
        if (path == "-")
        {
            return LlmosAudio.FromStream(Console.OpenStandardInput(), pcm);
        }

        return LlmosAudio.FromFile(LocalFile.CheckReadable(path, "an audio file"), pcm);
    }
}
