using System.Diagnostics;

namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// A private D-Bus bus for one test: Debian's dbus-daemon with a session-bus configuration of our own, listening on
/// a socket in a temp dir. Unlike a stock session bus it lets any local user connect (the tests' second uid must
/// reach it), while its policy still lets only what a session bus lets. Killed and removed on dispose.
/// </summary>
public sealed class PrivateBus : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly Process _process;

    private PrivateBus(TempDir dir, Process process, string address)
    {
        _dir = dir;
        _process = process;
        Address = address;
    }

    /// <summary>The address to give clients (DBUS_SESSION_BUS_ADDRESS, gdbus --address, busctl --address).</summary>
    public string Address { get; }

    public static async Task<PrivateBus> StartAsync()
    {
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // other users must reach the socket
        var (process, address) = await LaunchAsync(dir);
        return new PrivateBus(dir, process, address);
    }

    /// <summary>
    /// Starts dbus-daemon with our configuration on the socket <c>bus</c> in <paramref name="dir"/> (replacing a stale
    /// one) and returns it with its address. Shared with tests that restart a bus at the same address.
    /// </summary>
    public static async Task<(Process Process, string Address)> LaunchAsync(TempDir dir)
    {
        string socket = dir.File("bus");
        string config = dir.File("bus.conf");
        await File.WriteAllTextAsync(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={socket}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """);
        File.Delete(socket);
        return await DbusDaemonProcess.StartAsync(config);
    }

    /// <summary>Environment for a child process that should use this bus as its session bus.</summary>
    public Dictionary<string, string> Environment => new() { ["DBUS_SESSION_BUS_ADDRESS"] = Address };

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
