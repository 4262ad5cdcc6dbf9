using System.CommandLine;

namespace LlmOs.Ctl.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Socket = new("--socket")
    {
        Description = "The daemon's socket (default: $LLMOSD_SOCKET, else the user socket, else /run/llmosd/llmosd.sock)",
        Recursive = true,
    };

    /// <summary>Talk D-Bus instead of the socket: <c>--bus</c> alone or <c>--bus session</c>, <c>--bus system</c>, or <c>--bus ADDRESS</c>.</summary>
    public static readonly Option<string?> Bus = new("--bus")
    {
        Description = "Reach the daemon over D-Bus: the session bus (default), 'system', or a bus ADDRESS (the OpenAI and metrics calls are socket-only)",
        HelpName = "session|system|ADDRESS",
        Arity = ArgumentArity.ZeroOrOne,
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON",
        Recursive = true,
    };
}
