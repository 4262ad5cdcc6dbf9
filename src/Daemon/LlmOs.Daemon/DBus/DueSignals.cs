using LlmOs.Daemon.Assistant;
using LlmOs.Ipc;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Events;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// <c>org.llmos.Daemon1.Due(a{sv})</c>, sent unicast to each connection of the alarm's owner that called
/// <c>Subscribe()</c>, never broadcast: on the system bus a broadcast signal reaches every user's match rules, and a
/// reminder's text ("call the doctor about the results") is its owner's alone. A subscription ends when its connection
/// leaves the bus (<see cref="BusPeers"/>) or our connection to the bus goes.
/// </summary>
internal sealed class DueSignals(DueEvents dueEvents, ILogger<DueSignals> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(DBusConnection Connection, string UniqueName), IDisposable> _subscriptions = [];

    /// <summary>Sends <paramref name="uid"/>'s due alarms to <paramref name="uniqueName"/> from now on; a second call changes nothing.</summary>
    public void Subscribe(DBusConnection connection, string uniqueName, uint uid)
    {
        lock (_gate)
        {
            if (_subscriptions.ContainsKey((connection, uniqueName)))
            {
                return;
            }

            // Held under the lock with the entry, so that a Forget racing the subscription cannot leave it behind.
            _subscriptions[(connection, uniqueName)] = dueEvents.Subscribe(uid, due => Send(connection, uniqueName, due));
        }

        AskLog.Subscribed(logger, uid, "D-Bus " + uniqueName);
    }

    /// <summary>The connection left the bus (or ours did): no more signals to it.</summary>
    public void Forget(DBusConnection connection, string uniqueName)
    {
        IDisposable? subscription;
        lock (_gate)
        {
            _subscriptions.Remove((connection, uniqueName), out subscription);
        }

        subscription?.Dispose();
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
