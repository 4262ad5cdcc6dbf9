using LlmOs.Engine.Skills.Alarms;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Assistant;

/// <summary>
/// Starts the alarm book with the daemon: loads the state file, fires what fell due while llmosd was down and arms the
/// rest. <see cref="DueEvents"/> is created first, so that not even the alarms fired on start are lost. A book that
/// cannot start (an unreadable state file, a bug) leaves timers and reminders unavailable but the daemon serving.
/// At stop it waits for the book's last background save (a fired alarm's state). The book itself is a DI singleton:
/// the container disposes it at stop.
/// </summary>
internal sealed class AlarmStartup(AlarmBook alarms, DueEvents dueEvents, ILogger<AlarmStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = dueEvents; // constructed (and so subscribed to the book) before the book fires anything
        try
        {
            await alarms.StartAsync(cancellationToken).ConfigureAwait(false);
            AskLog.AlarmsStarted(logger, alarms.StateFile);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AskLog.AlarmsFailed(logger, e, alarms.StateFile);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => alarms.FlushAsync(cancellationToken);
}
