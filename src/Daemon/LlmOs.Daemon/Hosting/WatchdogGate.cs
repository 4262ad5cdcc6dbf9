using LlmOs.Engine.Scheduling;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// Decides whether llmosd may tell systemd it is alive: only while the scheduler is responsive. When a step is stuck it
/// says so once (which worker, for how long), then stays silent, and systemd restarts llmosd once <c>WatchdogSec=</c>
/// passes without a ping; a step that returns in time lets the pings resume, and that is said once too.
/// </summary>
internal sealed class WatchdogGate(ILogger logger)
{
    private string? _stuck;

    /// <summary>The worker whose step is stuck, while the gate is shut.</summary>
    public string? Stuck => _stuck;

    /// <summary>True when the watchdog may be fed now.</summary>
    public bool MayPing(SchedulerLiveness liveness, TimeSpan bound)
    {
        if (liveness.IsResponsive)
        {
            if (_stuck is { } worker)
            {
                _stuck = null;
                ActivationLog.Recovered(logger, worker);
            }

            return true;
        }

        if (_stuck is null)
        {
            _stuck = liveness.Worker ?? "?";
            ActivationLog.Stuck(logger, _stuck, liveness.Running.TotalSeconds, bound.TotalSeconds);
        }

        return false;
    }
}
