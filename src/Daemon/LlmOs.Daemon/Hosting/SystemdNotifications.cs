using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// Talks to systemd through <c>NOTIFY_SOCKET</c>: <c>READY=1</c> once the socket accepts (sent by
/// <see cref="LlmosDaemon"/>), a current <c>STATUS=</c> line, and <c>WATCHDOG=1</c> at half the unit's
/// <c>WatchdogSec=</c> — but only while the scheduler is responsive (<see cref="WatchdogGate"/>): a native step that has
/// run longer than <c>WatchdogSec=</c> stops the pings, and systemd restarts the hung daemon. Uses the hosting package's
/// notifier directly rather than its lifetime, which only engages when the parent process is systemd; tests start the
/// daemon with their own notify socket.
/// </summary>
internal sealed class SystemdNotifications(Scheduler scheduler, ModelRegistry registry, ILogger<SystemdNotifications> logger) : BackgroundService
{
    private readonly SystemdNotifier _notifier = new();
    private readonly WatchdogGate _gate = new(logger);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _lastStatus = "";

    public bool IsEnabled => _notifier.IsEnabled;

    public void NotifyReady()
    {
        if (_notifier.IsEnabled)
        {
            _notifier.Notify(new ServiceState("READY=1\nSTATUS=" + Status() + "\nMAINPID=" + Environment.ProcessId));
        }

        _ready.TrySetResult();
    }

    public void NotifyStopping()
    {
        if (_notifier.IsEnabled)
        {
            _notifier.Notify(ServiceState.Stopping);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_notifier.IsEnabled)
        {
            return;
        }

        // Status lines and pings start once READY=1 is out: this service starts before Kestrel does, and on a busy
        // machine its first tick could otherwise beat READY=1 (systemd ignores that, but a status before the
        // service is ready says something untrue).
        await _ready.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        var watchdog = WatchdogTimeout();
        var period = watchdog is { } w && w / 2 < TimeSpan.FromSeconds(2) ? w / 2 : TimeSpan.FromSeconds(2);
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // A step may run as long as systemd waits for a ping; past that it is taken for a hang.
            bool alive = watchdog is not { } bound || _gate.MayPing(scheduler.CheckLiveness(bound), bound);
            string status = alive ? Status() : $"stuck: a step of {_gate.Stuck} does not return";
            if (status != _lastStatus)
            {
                _lastStatus = status;
                _notifier.Notify(new ServiceState("STATUS=" + status));
            }

            if (watchdog is not null && alive)
            {
                _notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
        }
    }

    private string Status()
    {
        int loaded = registry.List().Count(m => scheduler.StateOf(m) == ModelWorkerState.Loaded);
        return $"ready; {loaded} model(s) loaded; {scheduler.QueueDepth} task(s) queued; {scheduler.RunningCount} running";
    }

    /// <summary><c>WATCHDOG_USEC</c> (the unit's <c>WatchdogSec=</c>) when the watchdog is meant for this process.</summary>
    private static TimeSpan? WatchdogTimeout()
    {
        string? pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        return long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out long usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec)
            : null;
    }
}
