using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Tests.DBus;

/// <summary>--bus session|system|none, and the mode's bus when it is not given.</summary>
public sealed class BusSettingsTests
{
    [Fact]
    public void The_bus_follows_the_mode_unless_told()
    {
        Assert.Equal(DaemonBus.Session, new DaemonSettings().EffectiveBus);
        Assert.Equal(DaemonBus.System, new DaemonSettings { Mode = DaemonMode.System }.EffectiveBus);
        Assert.Equal(DaemonBus.None, new DaemonSettings { Mode = DaemonMode.System, Bus = DaemonBus.None }.EffectiveBus);
        Assert.Equal(DaemonBus.System, new DaemonSettings { Bus = DaemonBus.System }.EffectiveBus);
    }

    [Theory]
    [InlineData("session", DaemonBus.Session)]
    [InlineData("system", DaemonBus.System)]
    [InlineData("none", DaemonBus.None)]
    [InlineData("None", DaemonBus.None)]
    public void Bus_on_the_command_line_becomes_the_setting(string value, DaemonBus expected)
    {
        var commandLine = DaemonCommandLine.Parse(["--bus", value]);

        Assert.Equal(value, commandLine.Overrides["Bus"]);
        using var temp = new TempDirectory();
        string config = temp.Combine("llmosd.json");
        File.WriteAllText(config, "{}");
        var settings = DaemonConfiguration.Load(commandLine with { ConfigFile = config });
        Assert.Equal(expected, settings.EffectiveBus);
    }

    [Theory]
    [InlineData("sessoin")]
    [InlineData("1")]
    public void An_unknown_bus_is_a_usage_error(string value)
    {
        var e = Assert.Throws<FormatException>(() => DaemonCommandLine.Parse([$"--bus={value}"]));

        Assert.Contains("session, system or none", e.Message);
    }
}
