using LlmOs.Daemon.Assistant;
using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>Where llmosd looks for .desktop files, by the XDG Base Directory spec.</summary>
public sealed class ApplicationDirectoriesTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void User_mode_puts_the_users_data_home_before_the_data_dirs()
    {
        Assert.Equal(
            ["/home/ana/.share/applications", "/opt/share/applications", "/usr/share/applications"],
            ApplicationDirectories.For(DaemonMode.User, Env(("XDG_DATA_HOME", "/home/ana/.share"), ("XDG_DATA_DIRS", "/opt/share:/usr/share"))));
    }

    [Fact]
    public void Without_variables_the_spec_defaults_apply_and_system_mode_has_no_home()
    {
        Assert.Equal(
            ["/home/ana/.local/share/applications", "/usr/local/share/applications", "/usr/share/applications"],
            ApplicationDirectories.For(DaemonMode.User, Env(("HOME", "/home/ana"))));
        Assert.Equal(
            ["/usr/local/share/applications", "/usr/share/applications"],
            ApplicationDirectories.For(DaemonMode.System, Env(("HOME", "/root"), ("XDG_DATA_HOME", "/root/.local/share"))));
    }

    [Fact]
    public void Relative_entries_and_repeats_are_ignored()
    {
        Assert.Equal(
            ["/usr/share/applications"],
            ApplicationDirectories.For(DaemonMode.System, Env(("XDG_DATA_DIRS", "relative/dir::/usr/share:/usr/share"))));
    }
}
