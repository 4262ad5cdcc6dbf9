using LlmOs.Ipc;

namespace LlmOs.Daemon.Configuration;

/// <summary>The default places of socket, state and configuration for each mode (DESIGN.md, "Modes").</summary>
public static class DaemonPaths
{
    public static string DefaultSocket(DaemonMode mode) =>
        mode == DaemonMode.System ? SocketPaths.System : SocketPaths.User();

    public static string DefaultDataDir(DaemonMode mode) =>
        mode == DaemonMode.System ? "/var/lib/llmosd" : Path.Combine(XdgHome("XDG_DATA_HOME", ".local/share"), "llmosd");

    public static string DefaultConfigFile(DaemonMode mode) =>
        mode == DaemonMode.System ? "/etc/llmosd/llmosd.json" : Path.Combine(XdgHome("XDG_CONFIG_HOME", ".config"), "llmosd", "llmosd.json");

    private static string XdgHome(string variable, string fallback)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), fallback)
            : value;
    }
}
