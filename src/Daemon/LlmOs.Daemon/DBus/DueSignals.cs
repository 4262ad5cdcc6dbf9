using LlmOs.Daemon.Assistant;
using LlmOs.Daemon.Requests;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Events;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// <c>org.llmos.Daemon1.Due(a{sv})</c>, sent unicast to each connection of the alarm's owner that called
/// <c>Subscribe()</c>, never broadcast: on the system bus a broadcast signal reaches every user's match rules, and a
/// reminder's text ("call the doctor about the results") is its owner's alone. A subscription ends with
/// <c>Unsubscribe()</c>, when its connection leaves the bus (<see cref="BusPeers"/>) or when our connection to the bus
/// goes. Each counts toward its uid's <see cref="CallerLimits.DueSubscriptions"/>, with the uid's socket streams.
/// </summary>
internal sealed class DueSignals(DueEvents dueEvents, CallerLimits limits, ILogger<DueSignals> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(DBusConnection Connection, string UniqueName), Subscription> _subscriptions = [];

    /// <summary>
    /// Sends <paramref name="uid"/>'s due alarms to <paramref name="uniqueName"/> from now on; a second call changes
    /// nothing. Busy when the uid already keeps as many subscriptions as it may.
    /// </summary>
    public void Subscribe(DBusConnection connection, string uniqueName, uint uid)
    {
        lock (_gate)
        {
            if (_subscriptions.ContainsKey((connection, uniqueName)))
            {
                return;
            }

            // Held under the lock with the entry, so that a Forget racing the subscription cannot leave it behind.
            var place = limits.DueSubscriptions.Enter(uid);
            try
            {
                _subscriptions[(connection, uniqueName)] = new Subscription(place, dueEvents.Subscribe(uid, due => Send(connection, uniqueName, due)));
            }
            catch
            {
                place.Dispose();
                throw;
            }
        }

        AskLog.Subscribed(logger, uid, "D-Bus " + uniqueName);
    }

    /// <summary>
    /// The connection unsubscribed, left the bus, or ours did: no more signals to it. True when it was subscribed
    /// (an Unsubscribe without a Subscribe changes nothing).
    /// </summary>
    public bool Forget(DBusConnection connection, string uniqueName)
    {
        Subscription? subscription;
        lock (_gate)
        {
            _subscriptions.Remove((connection, uniqueName), out subscription);
        }

        subscription?.Dispose();
        return subscription is not null;
    }

    private void Send(DBusConnection connection, string destination, DueEventDto due)
    {
        var writer = connection.GetMessageWriter();
        bool sent;
        try
        {
            writer.WriteSignalHeader(destination, DBusNames.DaemonPath, DBusNames.DaemonInterface, "Due", "a{sv}");
            DBusDictionaryWriter.Write(ref writer, due, IpcJsonContext.Default.DueEventDto);
            sent = connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }

        if (!sent)
        {
            AskLog.SignalDropped(logger, destination);
        }
    }
}
