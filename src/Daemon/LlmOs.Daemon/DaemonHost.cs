using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Hosting;

namespace LlmOs.Daemon;

/// <summary>What the llmosd program does with its arguments: parse, configure, run, and turn failures into exit codes.</summary>
public static class DaemonHost
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        DaemonCommandLine commandLine;
        try
        {
            commandLine = DaemonCommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"llmosd: {e.Message}\n{DaemonCommandLine.Usage}").ConfigureAwait(false);
            return ExitUsage;
        }

        if (commandLine.ShowHelp || commandLine.ShowVersion)
        {
            Console.WriteLine(commandLine.ShowHelp ? DaemonCommandLine.Usage : "llmosd " + typeof(DaemonHost).Assembly.GetName().Version?.ToString(3));
            return ExitOk;
        }

        try
        {
            var settings = DaemonConfiguration.Load(commandLine);
            var daemon = LlmosDaemon.Create(settings);
            await using (daemon.ConfigureAwait(false))
            {
                await daemon.StartAsync(CancellationToken.None).ConfigureAwait(false);
                await daemon.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            }
            return ExitOk;
        }
        catch (Exception e) when (e is DaemonAlreadyRunningException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("llmosd: " + e.Message).ConfigureAwait(false);
            return ExitFailure;
        }
    }
}
