using LlmOs.Daemon.Configuration;

namespace LlmOs.Daemon.Assistant;

/// <summary>
/// Where the installed apps' <c>.desktop</c> files are, by the XDG Base Directory spec: <c>$XDG_DATA_HOME</c> (default
/// <c>~/.local/share</c>; user mode only, the system daemon has no user's home) before <c>$XDG_DATA_DIRS</c> (default
/// <c>/usr/local/share:/usr/share</c>), each with <c>/applications</c>. An earlier directory's file wins a desktop id.
/// </summary>
internal static class ApplicationDirectories
{
    public static IReadOnlyList<string> For(DaemonMode mode, Func<string, string?> environment)
    {
        var roots = new List<string>();
        if (mode == DaemonMode.User)
        {
            string? home = environment("XDG_DATA_HOME");
            if (string.IsNullOrEmpty(home) && environment("HOME") is { Length: > 0 } userHome)
            {
                home = Path.Combine(userHome, ".local", "share");
            }

            if (!string.IsNullOrEmpty(home) && Path.IsPathRooted(home))
            {
                roots.Add(home);
            }
        }

        string dirs = environment("XDG_DATA_DIRS") is { Length: > 0 } given ? given : "/usr/local/share:/usr/share";
        roots.AddRange(dirs.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Path.IsPathRooted)); // the spec ignores relative entries
        return [.. roots.Select(r => Path.Combine(r, "applications")).Distinct(StringComparer.Ordinal)];
    }
}
