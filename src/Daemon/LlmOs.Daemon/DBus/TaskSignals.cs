using System.Collections.Concurrent;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// The running signal forwarders, one per task that someone on the bus follows: every task submitted over D-Bus (its
/// submitter gets the signals), and a socket task once a connection calls Watch on it. A forwarder ends with its task.
/// </summary>
internal sealed class TaskSignals : IDisposable
{
    private readonly ConcurrentDictionary<(DBusConnection Connection, string TaskId), TaskSignalForwarder> _forwarders = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TaskSignals(TimeProvider time, ILogger<TaskSignals> logger)
    {
        _time = time;
        _logger = logger;
        _stoppingToken = _stopping.Token;
    }

    public int Count => _forwarders.Count;

    /// <summary>
    /// Sends <paramref name="task"/>'s signals to <paramref name="recipient"/>: from its first event when it has just
    /// been submitted, else from now on (Watch). Nothing happens for a task that has ended and was not just submitted.
    /// </summary>
    public void Follow(TaskRecord task, DBusConnection connection, string recipient, bool fromStart)
    {
        // One forwarder per task and connection of ours: after a reconnect a task's signals go out on the new one.
        var key = (connection, task.Id);
        while (true)
        {
            if (_forwarders.TryGetValue(key, out var running))
            {
                if (running.TryAdd(recipient))
                {
                    return;
                }

                // It has closed (its task ended, or its recipients left): start a new one, or none for an ended task.
                _forwarders.TryRemove(new KeyValuePair<(DBusConnection, string), TaskSignalForwarder>(key, running));
                continue;
            }

            if (!fromStart && task.IsFinished)
            {
                return;
            }

            var forwarder = new TaskSignalForwarder(task, connection, recipient, fromStart ? 0 : task.Events.Count, _time);
            if (_forwarders.TryAdd(key, forwarder))
            {
                forwarder.Completion = RunAsync(forwarder);
                return;
            }
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until the forwarders have sent what their ended tasks left.</summary>
    public Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.WhenAll(_forwarders.Values.Select(f => f.Completion)).WaitAsync(timeout, _time, cancellationToken);

    /// <summary>A connection left the bus (as <paramref name="connection"/> saw it): no forwarder sends to it any more.</summary>
    public void Forget(DBusConnection connection, string uniqueName)
    {
        foreach (var forwarder in _forwarders.Values)
        {
            if (ReferenceEquals(forwarder.Connection, connection))
            {
                forwarder.Remove(uniqueName);
            }
        }
    }

    /// <summary>Stops every forwarder (the daemon is leaving the bus).</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(TaskSignalForwarder forwarder)
    {
        try
        {
            await forwarder.RunAsync(_stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stoppingToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // Our connection closed (the bus went away, or the daemon left it): nobody to send to any more.
        }
#pragma warning disable CA1031 // a forwarder that fails stops its signals, never the daemon or the task
        catch (Exception e)
#pragma warning restore CA1031
        {
            BusLog.ForwarderFailed(_logger, forwarder.Record.Id, e.Message);
        }
        finally
        {
            _forwarders.TryRemove(new KeyValuePair<(DBusConnection, string), TaskSignalForwarder>((forwarder.Connection, forwarder.Record.Id), forwarder));
        }
    }
}
