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
    public async Task StartAsync() => (_process, _) = await PrivateBus.LaunchAsync(_dir);

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
