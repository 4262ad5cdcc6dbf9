using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Tests;

public sealed class DaemonCommandLineTests
{
    [Fact]
    public void No_arguments_mean_no_overrides()
    {
        var commandLine = DaemonCommandLine.Parse([]);

        Assert.Empty(commandLine.Overrides);
        Assert.Null(commandLine.ConfigFile);
        Assert.False(commandLine.ShowHelp);
        Assert.False(commandLine.ShowVersion);
    }

    [Fact]
    public void System_and_user_set_the_mode_and_the_last_one_wins()
    {
        Assert.Equal("System", DaemonCommandLine.Parse(["--system"]).Overrides["Mode"]);
        Assert.Equal("User", DaemonCommandLine.Parse(["--user"]).Overrides["Mode"]);
        Assert.Equal("User", DaemonCommandLine.Parse(["--system", "--user"]).Overrides["Mode"]);
    }

    [Theory]
    [InlineData("--socket", "Socket", "/tmp/x/llmosd.sock")]
    [InlineData("--data-dir", "DataDir", "/var/tmp/llmos data")]
    [InlineData("--log-level", "LogLevel", "Debug")]
    public void Value_options_accept_a_separate_value(string option, string key, string value)
    {
        var commandLine = DaemonCommandLine.Parse([option, value]);

        Assert.Equal(value, commandLine.Overrides[key]);
        Assert.Single(commandLine.Overrides);
    }

    [Theory]
    [InlineData("--socket", "Socket", "/tmp/x/llmosd.sock")]
    [InlineData("--data-dir", "DataDir", "/var/tmp/llmos data")]
    [InlineData("--log-level", "LogLevel", "Debug")]
    [InlineData("--socket", "Socket", "/tmp/a=b.sock")]
    public void Value_options_accept_an_inline_value(string option, string key, string value)
    {
        var commandLine = DaemonCommandLine.Parse([$"{option}={value}"]);

        Assert.Equal(value, commandLine.Overrides[key]);
    }

    [Fact]
    public void Config_names_the_file_and_is_not_a_configuration_key()
    {
        var separate = DaemonCommandLine.Parse(["--config", "/etc/other.json"]);
        var inline = DaemonCommandLine.Parse(["--config=/etc/other.json"]);

        Assert.Equal("/etc/other.json", separate.ConfigFile);
        Assert.Equal("/etc/other.json", inline.ConfigFile);
        Assert.Empty(separate.Overrides);
        Assert.Empty(inline.Overrides);
    }

    [Fact]
    public void All_options_together()
    {
        var commandLine = DaemonCommandLine.Parse(
            ["--system", "--socket=/run/s.sock", "--data-dir", "/srv/llmos", "--config", "/etc/l.json", "--log-level=Warning"]);

        Assert.Equal("System", commandLine.Overrides["Mode"]);
        Assert.Equal("/run/s.sock", commandLine.Overrides["Socket"]);
        Assert.Equal("/srv/llmos", commandLine.Overrides["DataDir"]);
        Assert.Equal("Warning", commandLine.Overrides["LogLevel"]);
        Assert.Equal("/etc/l.json", commandLine.ConfigFile);
        Assert.False(commandLine.ShowHelp);
    }

    [Fact]
    public void Later_value_of_the_same_option_wins()
    {
        Assert.Equal("/b", DaemonCommandLine.Parse(["--socket", "/a", "--socket=/b"]).Overrides["Socket"]);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string option)
    {
        var commandLine = DaemonCommandLine.Parse([option]);

        Assert.True(commandLine.ShowHelp);
        Assert.False(commandLine.ShowVersion);
    }

    [Fact]
    public void Version_is_recognised()
    {
        var commandLine = DaemonCommandLine.Parse(["--version"]);

        Assert.True(commandLine.ShowVersion);
        Assert.False(commandLine.ShowHelp);
    }

    [Fact]
    public void Usage_mentions_every_option()
    {
        foreach (string option in new[] { "--system", "--user", "--socket", "--data-dir", "--config", "--log-level", "--version", "--help" })
        {
            Assert.Contains(option, DaemonCommandLine.Usage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--Socket")]
    [InlineData("-s")]
    [InlineData("serve")]
    [InlineData("--queue-capacity=5")]
    [InlineData("---socket")]
    public void Unknown_option_throws_format_exception_naming_it(string option)
    {
        var e = Assert.Throws<FormatException>(() => DaemonCommandLine.Parse(["--system", option]));

        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--socket")]
    [InlineData("--data-dir")]
    [InlineData("--config")]
    [InlineData("--log-level")]
    public void Value_option_without_a_value_throws_format_exception(string option)
    {
        var atEnd = Assert.Throws<FormatException>(() => DaemonCommandLine.Parse(["--user", option]));
        Assert.Contains(option, atEnd.Message, StringComparison.Ordinal);

        var emptyInline = Assert.Throws<FormatException>(() => DaemonCommandLine.Parse([option + "="]));
        Assert.Contains(option, emptyInline.Message, StringComparison.Ordinal);

        var emptySeparate = Assert.Throws<FormatException>(() => DaemonCommandLine.Parse([option, ""]));
        Assert.Contains(option, emptySeparate.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The parser promises strictness ("an unknown or incomplete option is a usage error, never silently ignored"):
    /// a switch given a value, such as <c>--system=false</c>, must not silently mean <c>--system</c>.
    /// </summary>
    [Theory]
    [InlineData("--system=false")]
    [InlineData("--user=no")]
    [InlineData("--version=2")]
    [InlineData("--help=yes")]
    public void Switch_given_an_inline_value_throws_format_exception(string argument)
    {
        Assert.Throws<FormatException>(() => DaemonCommandLine.Parse([argument]));
    }
}
