using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Bus;

/// <summary>
/// The real llmosd in system mode, run as the llmos user (setpriv) on a temp socket and data directory, joined to a
/// <see cref="SystemLikeBus"/> as its system bus. Ready once it owns org.llmos.Daemon there. Killed on dispose.
/// </summary>
public sealed class SystemDaemon : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly Process _process;
    private readonly Task<string> _output;

    private SystemDaemon(TempDir dir, Process process, Task<string> output)
    {
        _dir = dir;
        _process = process;
        _output = output;
    }

    public static async Task<SystemDaemon> StartAsync(SystemLikeBus bus)
    {
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        string data = dir.File("data"), config = dir.File("llmosd.json");
        await File.WriteAllTextAsync(config, "{}");
        Directory.CreateDirectory(data);
        uint uid = await TestUsers.UidAsync(ServiceAccounts.Service);
        uint gid = await TestUsers.GidAsync(ServiceAccounts.Service);
        foreach (string path in (string[])[data, dir.Path])
        {
            var chown = await ProcessRunner.RunAsync("chown", [$"{uid}:{gid}", path]);
            Assert.True(chown.ExitCode == 0, chown.Stderr);
        }

        var start = new ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--reuid=" + ServiceAccounts.Service, "--regid=" + ServiceAccounts.Service, "--init-groups",
                     "dotnet", TestPaths.Llmosd, "--system", "--socket", dir.File("llmosd.sock"), "--data-dir", data, "--config", config])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DBUS_SYSTEM_BUS_ADDRESS"] = bus.Address;
        start.Environment["HOME"] = data;
        var process = Process.Start(start) ?? throw new InvalidOperationException("llmosd did not start");
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync())
            .ContinueWith(t => string.Join('\n', t.Result), TaskScheduler.Default);
        var daemon = new SystemDaemon(dir, process, output);
        for (int i = 0; i < 300; i++)
        {
            var owner = await ProcessRunner.RunAsync(
                "dbus-send", ["--system", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.llmos.Daemon"],
                new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = bus.Address });
            if (owner.Stdout.Contains("boolean true", StringComparison.Ordinal))
            {
                return daemon;
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        await daemon.DisposeAsync();
        throw new InvalidOperationException("llmosd (as llmos) never owned org.llmos.Daemon: " + await output);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            await _output;
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
