using System.Diagnostics;

namespace LlmOs.Bench;

/// <summary>A private dbus-daemon for the run (Debian's, with a session configuration in the run's temp dir; it must allow connecting (allow user) and receiving (allow eavesdrop), or calls hang unanswered); killed on dispose.</summary>
public sealed class BenchBus : IDisposable
{
    private readonly Process _process;

    private BenchBus(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static async Task<BenchBus> StartAsync(string dir)
    {
        string config = Path.Combine(dir, "bus.conf");
        await File.WriteAllTextAsync(config, $"""
            <busconfig>
              <type>session</type>
              <listen>unix:path={Path.Combine(dir, "bus")}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default"><allow user="*"/><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
            </busconfig>
            """);
        var start = new ProcessStartInfo("dbus-daemon", ["--config-file=" + config, "--print-address", "--nofork"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dbus-daemon");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string address = (await process.StandardOutput.ReadLineAsync(timeout.Token))?.Trim()
            ?? throw new InvalidOperationException("dbus-daemon printed no address");
        return new BenchBus(process, address);
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
