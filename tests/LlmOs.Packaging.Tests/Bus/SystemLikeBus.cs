using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Packaging.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Bus;

/// <summary>
/// A private bus configured like Debian's system bus (/usr/share/dbus-1/system.conf: connect as anyone, own nothing,
/// call nothing but the bus itself, signals and requested replies pass) that includes our policy file exactly as
/// the package installs it. Killed and removed on dispose.
/// </summary>
public sealed class SystemLikeBus : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly Process _process;

    private SystemLikeBus(TempDir dir, Process process, string address)
    {
        _dir = dir;
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static string Configuration(string socket) => $"""
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>system</type>
          <listen>unix:path={socket}</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow user="*"/>
            <deny own="*"/>
            <deny send_type="method_call"/>
            <allow send_type="signal"/>
            <allow send_requested_reply="true" send_type="method_return"/>
            <allow send_requested_reply="true" send_type="error"/>
            <allow receive_type="method_call"/>
            <allow receive_type="method_return"/>
            <allow receive_type="error"/>
            <allow receive_type="signal"/>
            <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
            <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
            <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
            <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus" send_member="UpdateActivationEnvironment"/>
          </policy>
          <include>{RepoFiles.Packaging("dbus/org.llmos.Daemon.conf")}</include>
        </busconfig>
        """;

    public static async Task<SystemLikeBus> StartAsync()
    {
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // every test user must reach the socket
        string config = dir.File("system.conf");
        await File.WriteAllTextAsync(config, Configuration(dir.File("bus")));

        var start = new ProcessStartInfo("dbus-daemon")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--config-file=" + config, "--print-address", "--nofork"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? address = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (string.IsNullOrEmpty(address))
        {
            await process.WaitForExitAsync(timeout.Token);
            throw new InvalidOperationException("dbus-daemon did not load the configuration: " + await stderr);
        }

        return new SystemLikeBus(dir, process, address.Trim());
    }

    /// <summary>A program run as <paramref name="user"/> with the given groups (setpriv), talking to this bus.</summary>
    public Task<ProcessRunner.Result> RunAsAsync(string user, string group, string[] groups, string program, params string[] args) =>
        ProcessRunner.RunAsync(
            "setpriv",
            ["--reuid=" + user, "--regid=" + group, groups.Length == 0 ? "--clear-groups" : "--groups=" + string.Join(',', groups), program, .. args],
            new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = Address });

    /// <summary>Asks the bus for org.llmos.Daemon on a connection of <paramref name="user"/>'s (dbus-send).</summary>
    public Task<ProcessRunner.Result> RequestNameAsAsync(string user, string group, params string[] groups) =>
        RunAsAsync(user, group, groups, "dbus-send", "--system", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
            "org.freedesktop.DBus.RequestName", "string:org.llmos.Daemon", "uint32:0");

    /// <summary>Calls a method of org.llmos.Daemon1 as <paramref name="user"/> (gdbus).</summary>
    public Task<ProcessRunner.Result> CallDaemonAsAsync(string user, string group, string[] groups, string method) =>
        RunAsAsync(user, group, groups, "gdbus", "call", "--system", "--dest", "org.llmos.Daemon", "--object-path", "/org/llmos/Daemon",
            "--method", "org.llmos.Daemon1." + method);

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
