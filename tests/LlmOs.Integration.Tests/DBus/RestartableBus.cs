using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>
/// A private dbus-daemon that a test can kill and start again at the same address, as when the session bus restarts.
/// (<see cref="PrivateBus"/> owns its folder and removes it with the bus; this keeps the folder for the next one.)
/// </summary>
public sealed class RestartableBus : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private Process? _process;

    public string Address => "unix:path=" + _dir.File("bus");

    /// <summary>Starts the bus (again); its policy is <see cref="PrivateBus"/>'s.</summary>
    public async Task StartAsync()
    {
        string config = _dir.File("bus.conf");
        await File.WriteAllTextAsync(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={_dir.File("bus")}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """);
        File.Delete(_dir.File("bus"));
        var start = new ProcessStartInfo("dbus-daemon") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--config-file=" + config, "--print-address", "--nofork"])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.False(string.IsNullOrEmpty(await _process.StandardOutput.ReadLineAsync(timeout.Token)));
    }

    /// <summary>Kills the bus daemon: every connection to it breaks at once.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _dir.Dispose();
    }
}
