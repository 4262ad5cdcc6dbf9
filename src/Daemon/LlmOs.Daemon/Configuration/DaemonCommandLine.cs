namespace LlmOs.Daemon.Configuration;

/// <summary>
/// llmosd's few options, parsed strictly: an unknown or incomplete option is a usage error, never
/// a silently ignored configuration key (which the generic command-line provider would allow).
/// </summary>
public sealed record DaemonCommandLine(IReadOnlyDictionary<string, string?> Overrides, string? ConfigFile, bool ShowHelp, bool ShowVersion)
{
    public const string Usage = """
        usage: llmosd [options]
          --system            run as the system service (socket /run/llmosd/llmosd.sock, system paths)
          --user              run for the current user (the default)
          --socket PATH       listen on this Unix socket
          --data-dir PATH     keep state (models, registry) here
          --config PATH       read this JSON configuration file
          --log-level LEVEL   Trace, Debug, Information, Warning, Error
          --bus BUS           serve D-Bus clients on the session or system bus, or none
                              (default: session in user mode, system in system mode)
          --version           print the version and exit
          -h, --help          print this help and exit
        Configuration keys may also come from LLMOSD_* environment variables, e.g. LLMOSD_QUEUECAPACITY=64.
        """;

    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--socket"] = nameof(DaemonSettings.Socket),
        ["--data-dir"] = nameof(DaemonSettings.DataDir),
        ["--log-level"] = nameof(DaemonSettings.LogLevel),
        ["--bus"] = nameof(DaemonSettings.Bus),
        ["--config"] = "",
    };

    /// <exception cref="FormatException">The arguments are not llmosd's.</exception>
    public static DaemonCommandLine Parse(IReadOnlyList<string> args)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? config = null;
        bool help = false, version = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inline = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            if (inline is not null && arg is "--system" or "--user" or "--help" or "--version")
            {
                throw new FormatException($"{arg} takes no value");
            }

            switch (arg)
            {
                case "--system":
                    overrides[nameof(DaemonSettings.Mode)] = nameof(DaemonMode.System);
                    break;
                case "--user":
                    overrides[nameof(DaemonSettings.Mode)] = nameof(DaemonMode.User);
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case var name when ValueOptions.TryGetValue(name, out var key):
                    string value = inline ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value"));
                    if (value.Length == 0)
                    {
                        throw new FormatException($"{name} needs a value");
                    }

                    if (key == nameof(DaemonSettings.Bus) && value.ToLowerInvariant() is not ("session" or "system" or "none"))
                    {
                        throw new FormatException($"{name} is session, system or none, not '{value}'");
                    }

                    if (key.Length == 0)
                    {
                        config = value;
                    }
                    else
                    {
                        overrides[key] = value;
                    }

                    break;
                default:
                    throw new FormatException($"unknown option '{args[i]}'");
            }
        }

        return new DaemonCommandLine(overrides, config, help, version);
    }
}
