using System.Diagnostics;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// A private dbus-daemon shaped like Debian's system bus (/usr/share/dbus-1/system.conf): anyone may connect, nobody
/// may own a name or call a method unless a rule allows it, signals and requested replies pass. The caller adds its
/// own rules (<c>policy</c>: policy elements or an <c>&lt;include&gt;</c> of a packaged policy file). Any local user
/// can reach its socket. Killed and removed on dispose. Shared as source with the packaging tests.
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

    public static string Configuration(string socket, string policy) => $"""
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
        {policy}
        </busconfig>
        """;

    public static async Task<SystemLikeBus> StartAsync(string policy)
    {
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // every test user must reach the socket
        string config = dir.File("system.conf");
        await File.WriteAllTextAsync(config, Configuration(dir.File("system_bus_socket"), policy));

        try
        {
            var (process, address) = await DbusDaemonProcess.StartAsync(config);
            return new SystemLikeBus(dir, process, address);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="name"/> has an owner on this bus, asked with gdbus.</summary>
    public async Task<bool> HasOwnerAsync(string name)
    {
        var result = await ProcessRunner.RunAsync("gdbus",
            ["call", "--address", Address, "--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", name]);
        return result.ExitCode == 0 && result.Stdout.Contains("true", StringComparison.Ordinal);
    }

    /// <summary>A program run as <paramref name="user"/> with the given groups (setpriv), talking to this bus as its system bus.</summary>
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
