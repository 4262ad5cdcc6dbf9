namespace LlmOs.Ctl.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Socket = new("--socket")
    {
        Description = "The daemon's socket (default: $LLMOSD_SOCKET, else the user socket, else /run/llmosd/llmosd.sock)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON",
        Recursive = true,
    };
}
