using System.Collections.Concurrent;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Who is calling: each sender's uid, asked of the bus daemon once per connection and cached, and what happens when a
/// connection leaves the bus (the bus's <c>NameOwnerChanged</c>): its tasks that were not detached are cancelled, its
/// intent handlers are dropped and no task signal goes to it any more. A peer is recorded before its uid is asked, on the thread that reads its first call, so
/// that its departure, which the bus always reports after its calls, can never be missed.
/// </summary>
internal sealed class BusPeers(Scheduler scheduler, IntentRegistry intents, TaskSignals signals, ILogger<BusPeers> logger)
{
    private const string Bus = "org.freedesktop.DBus";

    private readonly ConcurrentDictionary<string, BusPeer> _peers = new(StringComparer.Ordinal);

    public int Count => _peers.Count;

    /// <summary>The peer behind a sender's unique name, asking the bus for its uid the first time.</summary>
    public BusPeer Get(string uniqueName, DBusConnection connection) =>
        _peers.GetOrAdd(uniqueName, static (name, connection) => new BusPeer(name, LookUpUidAsync(connection, name)), connection);

    /// <summary>The caller of a method call: its peer and uid (asked of the bus only on its first call).</summary>
    public async ValueTask<BusCaller> IdentifyAsync(MethodContext context)
    {
        string sender = context.Request.SenderAsString
            ?? throw new BusCallException(DBusErrors.UnknownObject, "a call without a sender has no owner");
        var peer = Get(sender, context.Connection);
        try
        {
            uint uid = peer.Uid.IsCompletedSuccessfully ? peer.Uid.Result : await peer.Uid.ConfigureAwait(false);
            return new BusCaller(peer, uid);
        }
        catch (DBusErrorReplyException)
        {
            // The caller left before the bus answered (NameHasNoOwner); forget it unless its departure already did.
            _peers.TryRemove(new KeyValuePair<string, BusPeer>(sender, peer));
            throw;
        }
    }

    /// <summary>A connection left the bus: cancel its attached tasks, drop its intent handlers, forget it.</summary>
    public void Leave(string uniqueName)
    {
        int cancelled = 0;
        if (_peers.TryRemove(uniqueName, out var peer))
        {
            foreach (var task in peer.Leave())
            {
                cancelled += scheduler.Cancel(task) ? 1 : 0;
            }

            signals.Forget(uniqueName);
        }

        int dropped = intents.RemoveOwner(uniqueName);
        if (cancelled > 0 || dropped > 0)
        {
            BusLog.PeerLeft(logger, uniqueName, cancelled, dropped);
        }
    }

    /// <summary>Our own connection to the bus is gone, and with it every peer's.</summary>
    public void LeaveAll()
    {
        foreach (string name in _peers.Keys)
        {
            Leave(name);
        }
    }

    /// <summary>Follows <c>NameOwnerChanged</c> (one match rule for the whole bus) to learn when connections leave.</summary>
    public async Task WatchDeparturesAsync(DBusConnection connection)
    {
        var rule = new MatchRule { Type = MessageType.Signal, Sender = Bus, Path = "/org/freedesktop/DBus", Interface = Bus, Member = "NameOwnerChanged" };
        await connection.AddMatchAsync(
            rule,
            static (message, _) =>
            {
                var reader = message.GetBodyReader();
                return (Name: reader.ReadString(), Old: reader.ReadString(), New: reader.ReadString());
            },
            static notification =>
            {
                // Unique names (":1.42") are the connections; one that has no new owner has left.
                if (notification.HasValue && notification.Value.Name.StartsWith(':') && notification.Value.New.Length == 0)
                {
                    ((BusPeers)notification.State!).Leave(notification.Value.Name);
                }
            },
            emitOnCapturedContext: false,
            ObserverFlags.None,
            this).ConfigureAwait(false);
    }

    private static Task<uint> LookUpUidAsync(DBusConnection connection, string uniqueName)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(Bus, "/org/freedesktop/DBus", Bus, "GetConnectionUnixUser", "s", MessageFlags.None);
            writer.WriteString(uniqueName);
            return connection.CallMethodAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadUInt32(), null);
        }
        finally
        {
            writer.Dispose();
        }
    }
}
