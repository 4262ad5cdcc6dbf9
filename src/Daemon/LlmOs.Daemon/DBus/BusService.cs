using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.DBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// llmosd on the bus: connects, exports its objects, owns <c>org.llmos.Daemon</c> and follows departures. The bus is
/// a second door, never a dependency: the daemon is ready when its socket is, whatever the bus does; a bus that goes
/// away is reconnected with backoff (1 s doubling to 30 s) while the socket API serves on.
/// </summary>
internal sealed class BusService(
    DaemonSettings settings,
    DaemonObject daemonObject,
    TaskObjects taskObjects,
    BusPeers peers,
    TaskStore store,
    TaskSignals signals,
    TimeProvider time,
    ILogger<BusService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    /// <summary>A bus that accepts the socket but never finishes the handshake must not hold the service forever.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private volatile bool _joined;

    /// <summary>
    /// On the way down the scheduler refuses new tasks and gives running ones the shutdown grace: stay on the bus until
    /// they have ended, so that their D-Bus callers still get their answers and their Finished signals.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_joined)
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var running = store.List(null).Where(t => !t.IsFinished).Select(t => t.Finished).ToList();
        var grace = TimeSpan.FromSeconds(Math.Max(0, settings.ShutdownGraceSeconds) + 1);
        try
        {
            await Task.WhenAll(running).WaitAsync(grace, time, cancellationToken).ConfigureAwait(false);
            await signals.DrainAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The host's own shutdown timeout wins; leave now.
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // startup never waits for the bus
        var bus = settings.EffectiveBus;
        string name = BusAddress.Name(bus);
        if (BusAddress.Resolve(bus) is not { } address)
        {
            BusLog.NoAddress(logger, name, bus == DaemonBus.System ? "DBUS_SYSTEM_BUS_ADDRESS" : BusAddress.SessionVariable);
            return;
        }

        var delay = FirstRetry;
        bool failedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var connection = new DBusConnection(new DBusConnectionOptions(address) { AutoConnect = false });
            try
            {
                await connection.ConnectAsync().AsTask().WaitAsync(ConnectTimeout, time, stoppingToken).ConfigureAwait(false);
                await JoinAsync(connection, name).ConfigureAwait(false);
                _joined = true;
                delay = FirstRetry;
                failedBefore = false;
                var reason = await connection.DisconnectedAsync().WaitAsync(stoppingToken).ConfigureAwait(false);
                BusLog.Disconnected(logger, name, reason?.Message ?? "closed", delay.TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // whatever the bus does, the daemon stays up and tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (failedBefore)
                {
                    BusLog.ConnectFailedAgain(logger, name, e.Message, delay.TotalSeconds);
                }
                else
                {
                    BusLog.ConnectFailed(logger, name, address, e.Message, delay.TotalSeconds);
                }

                failedBefore = true;
            }
            finally
            {
                _joined = false;
                connection.Dispose();
                peers.LeaveAll(); // with our connection, every peer's is gone for us
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = delay * 2 < LastRetry ? delay * 2 : LastRetry;
        }

        BusLog.Stopped(logger, name);
    }

    private async Task JoinAsync(DBusConnection connection, string bus)
    {
        BusLog.Connected(logger, bus, connection.UniqueName ?? "?");
        peers.Join(connection);
        await peers.WatchDeparturesAsync(connection).ConfigureAwait(false);
        connection.AddMethodHandlers([daemonObject, taskObjects]);

        // Queue for the name rather than take it, and allow no one to take it from us (so it cannot be lost while we
        // are connected): another llmosd that holds it keeps it, and we get it when that one leaves.
        bool owned = false;
        await connection.QueueNameRequestAsync(
            DBusNames.Service,
            RequestNameOptions.None,
            onAcquired: (_, _) =>
            {
                Volatile.Write(ref owned, true);
                BusLog.NameAcquired(logger, DBusNames.Service, DBusNames.DaemonPath);
            },
            onLost: null,
            actionState: null,
            emitOnCapturedContext: false).ConfigureAwait(false);
        if (!Volatile.Read(ref owned))
        {
            BusLog.NameQueued(logger, DBusNames.Service);
        }
    }
}
