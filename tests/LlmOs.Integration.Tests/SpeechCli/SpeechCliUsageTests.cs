using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.SpeechCli;

/// <summary>
/// How llmosctl reads the speech commands' arguments: mistakes are usage errors (exit 2) found before any daemon is
/// asked, so these run against a socket nobody listens on.
/// </summary>
public sealed class SpeechCliUsageTests
{
    private static readonly string NoDaemon = Path.Combine(Path.GetTempPath(), "llmos-no-daemon-" + Guid.NewGuid().ToString("N") + ".sock");

    [Theory]
    [InlineData(new[] { "speak", "hello" }, "--output")]
    [InlineData(new[] { "speak", "  ", "-o", "x.wav" }, "nothing to say")]
    [InlineData(new[] { "speak", "hello", "-o", "x.wav", "--speed", "20" }, "--speed must be from 80 to 450")]
    [InlineData(new[] { "voice", "x.wav", "--rate", "8000" }, "go with --format")]
    [InlineData(new[] { "voice", "-", "--format", "s16le", "--channels", "9" }, "--channels must be from 1 to 8")]
    [InlineData(new[] { "voice", "x.wav", "--voice", "en-gb" }, "go with --speak-to")]
    [InlineData(new[] { "voice" }, "file")]
    [InlineData(new[] { "transcribe", "x.wav", "--speak-to", "y.wav" }, "--speak-to")]
    public async Task Wrong_arguments_are_usage_errors(string[] args, string message)
    {
        var result = await ProcessRunner.LlmosctlAsync(NoDaemon, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task A_missing_audio_file_or_output_folder_is_a_usage_error_before_the_daemon_is_asked()
    {
        using var dir = new TempDir();
        var missing = await ProcessRunner.LlmosctlAsync(NoDaemon, "voice", dir.File("nope.wav"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file (invalid_input)", missing.Stderr);

        var folder = await ProcessRunner.LlmosctlAsync(NoDaemon, "transcribe", dir.Path);
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a directory", folder.Stderr);

        var output = await ProcessRunner.LlmosctlAsync(NoDaemon, "speak", "hello", "-o", Path.Combine(dir.Path, "no", "such", "x.wav"));
        Assert.Equal(2, output.ExitCode);
        Assert.Contains("no such directory", output.Stderr);
    }

    [Fact]
    public async Task Good_arguments_get_as_far_as_the_daemon()
    {
        using var dir = new TempDir();
        string wav = dir.File("x.wav");
        await File.WriteAllBytesAsync(wav, [1, 2, 3]);

        var result = await ProcessRunner.LlmosctlAsync(NoDaemon, "voice", wav, "--format", "s16le", "--rate", "22050", "--speak-to", dir.File("r.wav"), "--speed", "160", "--voice", "en-gb");

        Assert.Equal(3, result.ExitCode); // unreachable: everything before the call was accepted
    }
}
