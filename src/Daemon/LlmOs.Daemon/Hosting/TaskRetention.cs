using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Hosting;

/// <summary>Forgets finished tasks once their retention time has passed.</summary>
internal sealed class TaskRetention(TaskStore store, DaemonSettings settings, TimeProvider time, ILogger<TaskRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = TimeSpan.FromMinutes(settings.TaskRetentionMinutes);
        var period = TimeSpan.FromSeconds(Math.Clamp(retention.TotalSeconds / 4, 1, 30));
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            int removed = store.Sweep(retention);
            if (removed > 0)
            {
                DaemonLog.TasksForgotten(logger, removed);
            }
        }
    }
}
