using System.Diagnostics;
using System.Text;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>Debian's dbus-daemon started on a configuration file of a test's own (PrivateBus, SystemLikeBus).</summary>
public static class DbusDaemonProcess
{
    /// <summary>Starts it and returns it with the address it printed; throws with its complaint when it prints none.</summary>
    public static async Task<(Process Process, string Address)> StartAsync(string configFile)
    {
        var start = new ProcessStartInfo("dbus-daemon") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--config-file=" + configFile, "--print-address", "--nofork"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start");
        var stderr = new StringBuilder(); // it complains about fd limits, which matter only when it fails
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? address = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (string.IsNullOrEmpty(address))
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            lock (stderr)
            {
                throw new InvalidOperationException("dbus-daemon did not load its configuration: " + stderr);
            }
        }

        return (process, address.Trim());
    }
}
