using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Authorization;

/// <summary>
/// A private dbus-daemon shaped like Debian's system bus (/usr/share/dbus-1/system.conf): method calls are denied
/// unless a rule allows them and names may be owned only where a rule says so. Here root and the polkitd user may own
/// <c>org.freedesktop.PolicyKit1</c> and root <c>org.llmos.Daemon</c>; anyone may call those two (as polkit's and our
/// own bus policy files allow). Any local user may connect. Killed and removed on dispose.
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

    public static async Task<SystemLikeBus> StartAsync()
    {
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // other users must reach the socket
        string config = dir.File("system.conf");
        await File.WriteAllTextAsync(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>system</type>
              <listen>unix:path={dir.File("system_bus_socket")}</listen>
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
                <allow send_destination="org.freedesktop.PolicyKit1"/>
                <allow send_destination="org.llmos.Daemon"/>
              </policy>
              <policy user="polkitd">
                <allow own="org.freedesktop.PolicyKit1"/>
                <allow send_interface="org.freedesktop.PolicyKit1.AuthenticationAgent"/>
              </policy>
              <policy user="root">
                <allow own="org.freedesktop.PolicyKit1"/>
                <allow own="org.llmos.Daemon"/>
              </policy>
            </busconfig>
            """);

        var start = new ProcessStartInfo("dbus-daemon") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--config-file=" + config, "--print-address", "--nofork"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? address = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (string.IsNullOrEmpty(address))
        {
            process.Kill();
            dir.Dispose();
            throw new InvalidOperationException("dbus-daemon printed no address");
        }

        return new SystemLikeBus(dir, process, address.Trim());
    }

    /// <summary>Whether <paramref name="name"/> has an owner on this bus, asked with gdbus.</summary>
    public async Task<bool> HasOwnerAsync(string name)
    {
        var result = await ProcessRunner.RunAsync("gdbus",
            ["call", "--address", Address, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", name]);
        return result.ExitCode == 0 && result.Stdout.Contains("true", StringComparison.Ordinal);
    }

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
