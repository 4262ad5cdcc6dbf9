using Microsoft.Extensions.Configuration;

namespace LlmOs.Daemon.Configuration;

/// <summary>Builds <see cref="DaemonSettings"/> from the JSON file, the environment and the command line, in that order.</summary>
public static class DaemonConfiguration
{
    public const string EnvironmentPrefix = "LLMOSD_";

    /// <exception cref="InvalidOperationException">The configuration file named on the command line is missing or unreadable.</exception>
    public static DaemonSettings Load(DaemonCommandLine commandLine)
    {
        // The mode (and so the default config file) may itself come from the environment or the command line.
        var early = new ConfigurationBuilder()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(commandLine.Overrides)
            .Build();
        var mode = early.GetValue(nameof(DaemonSettings.Mode), DaemonMode.User);
        string file = commandLine.ConfigFile ?? early["CONFIG"] ?? DaemonPaths.DefaultConfigFile(mode);
        if (commandLine.ConfigFile is not null && !File.Exists(file))
        {
            throw new InvalidOperationException($"configuration file '{file}' does not exist");
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(file, optional: true, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(commandLine.Overrides)
                .Build();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidOperationException($"configuration file '{file}' is not valid JSON: {e.Message}", e);
        }

        var settings = new DaemonSettings();
        configuration.Bind(settings);
        if (string.IsNullOrEmpty(settings.Socket))
        {
            settings.Socket = DaemonPaths.DefaultSocket(settings.Mode);
        }

        if (string.IsNullOrEmpty(settings.DataDir))
        {
            settings.DataDir = DaemonPaths.DefaultDataDir(settings.Mode);
        }

        settings.Socket = Path.GetFullPath(settings.Socket);
        settings.DataDir = Path.GetFullPath(settings.DataDir);
        return settings;
    }
}
