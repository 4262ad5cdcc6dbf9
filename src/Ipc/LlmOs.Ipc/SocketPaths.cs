namespace LlmOs.Ipc;

/// <summary>Where the daemon's socket is by default (DESIGN.md, "Modes").</summary>
public static class SocketPaths
{
    public const string System = "/run/llmosd/llmosd.sock";

    /// <summary>Overrides both defaults for clients and the daemon alike.</summary>
    public const string EnvironmentVariable = "LLMOSD_SOCKET";

    /// <summary><c>$XDG_RUNTIME_DIR/llmosd.sock</c>, or a per-uid folder under /tmp when that is unset.</summary>
    public static string User()
    {
        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return string.IsNullOrEmpty(runtime)
            ? $"/tmp/llmosd-{Environment.UserName}/llmosd.sock"
            : Path.Combine(runtime, "llmosd.sock");
    }
}
