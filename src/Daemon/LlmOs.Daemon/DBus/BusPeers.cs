using System.Collections.Concurrent;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Who is calling: each sender's uid, asked of the bus daemon once per connection and cached, and what happens when a
/// connection leaves the bus (the bus's <c>NameOwnerChanged</c>): its tasks that were not detached are cancelled, its
/// intent handlers are dropped and no task or due signal goes to it any more. A peer is recorded before its uid is asked, on the thread that reads its first call, so
/// that its departure, which the bus always reports after its calls, can never be missed.
/// </summary>
internal sealed class BusPeers(Scheduler scheduler, IntentRegistry intents, TaskSignals signals, DueSignals dueSignals, ILogger<BusPeers> logger)
{
    private const string Bus = "org.freedesktop.DBus";

    private readonly ConcurrentDictionary<string, BusPeer> _peers = new(StringComparer.Ordinal);

    private DBusConnection? _connection;

    public int Count => _peers.Count;

    /// <summary>Our connection to the bus is up: peers are now recorded for it (and for no earlier one).</summary>
    public void Join(DBusConnection connection) => Volatile.Write(ref _connection, connection);

    /// <summary>
    /// The peer behind a sender's unique name on <paramref name="connection"/>, asking the bus for its uid the first
    /// time. A peer recorded on an earlier connection of ours is never reused (the restarted bus may give its unique
    /// name to another client); a call that still comes in on a connection we have left is refused.
    /// </summary>
    public BusPeer Get(string uniqueName, DBusConnection connection)
    {
        if (!ReferenceEquals(Volatile.Read(ref _connection), connection))
        {
            throw new ObjectDisposedException(nameof(DBusConnection), "the bus connection this call came on is gone");
        }

        while (true)
        {
            if (_peers.TryGetValue(uniqueName, out var known))
            {
                if (ReferenceEquals(known.Connection, connection))
                {
                    return known;
                }

                // Left over from a connection of ours that is gone: that client went with it.
                if (_peers.TryRemove(new KeyValuePair<string, BusPeer>(uniqueName, known)))
                {
                    Forget(known);
                }

                continue;
            }

            var peer = new BusPeer(uniqueName, connection, LookUpUidAsync(connection, uniqueName));
            if (_peers.TryAdd(uniqueName, peer))
            {
                return peer;
            }
        }
    }

    /// <summary>The caller of a method call: its peer and uid (asked of the bus only on its first call).</summary>
    public async ValueTask<BusCaller> IdentifyAsync(MethodContext context)
    {
        string sender = context.Request.SenderAsString
            ?? throw new BusCallException(DBusErrors.UnknownObject, "a call without a sender has no owner");
        return await IdentifyAsync(sender, context.Connection).ConfigureAwait(false);
    }

    /// <summary>The peer and uid of <paramref name="sender"/>; a failed lookup is forgotten, so the next call asks again.</summary>
    public async ValueTask<BusCaller> IdentifyAsync(string sender, DBusConnection connection)
    {
        var peer = Get(sender, connection);
        try
        {
            uint uid = peer.Uid.IsCompletedSuccessfully ? peer.Uid.Result : await peer.Uid.ConfigureAwait(false);
            return new BusCaller(peer, uid);
        }
        catch
        {
            // The caller left before the bus answered (NameHasNoOwner), or our connection failed under the lookup
            // (a reconnect): forget it unless its departure already did, so that no lookup's failure is kept.
            _peers.TryRemove(new KeyValuePair<string, BusPeer>(sender, peer));
            throw;
        }
    }

    /// <summary>A connection left the bus (as <paramref name="connection"/> saw it): cancel its attached tasks, drop its intent handlers, forget it.</summary>
    public void Leave(string uniqueName, DBusConnection connection)
    {
        if (_peers.TryGetValue(uniqueName, out var peer)
            && ReferenceEquals(peer.Connection, connection)
            && _peers.TryRemove(new KeyValuePair<string, BusPeer>(uniqueName, peer)))
        {
            Forget(peer);
        }
        else if (ReferenceEquals(Volatile.Read(ref _connection), connection))
        {
            intents.RemoveOwner(uniqueName);
        }
    }

    private void Forget(BusPeer peer)
    {
        int cancelled = 0;
        foreach (var task in peer.Leave())
        {
            cancelled += scheduler.Cancel(task) ? 1 : 0;
        }

        signals.Forget(peer.Connection, peer.UniqueName);
        dueSignals.Forget(peer.Connection, peer.UniqueName);
        int dropped = intents.RemoveOwner(peer.UniqueName);
        if (cancelled > 0 || dropped > 0)
        {
            BusLog.PeerLeft(logger, peer.UniqueName, cancelled, dropped);
        }
    }

    /// <summary>Our own connection to the bus is gone, and with it every peer's.</summary>
    public void LeaveAll()
    {
        Volatile.Write(ref _connection, null);
        foreach (var (name, peer) in _peers)
        {
            if (_peers.TryRemove(new KeyValuePair<string, BusPeer>(name, peer)))
            {
                Forget(peer);
            }
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
                    var (peers, connection) = ((BusPeers, DBusConnection))notification.State!;
                    peers.Leave(notification.Value.Name, connection);
                }
            },
            emitOnCapturedContext: false,
            ObserverFlags.None,
            (this, connection)).ConfigureAwait(false);
    }

    private static Task<uint> LookUpUidAsync(DBusConnection connection, string uniqueName) =>
        AskBusAsync(connection, "GetConnectionUnixUser", uniqueName);

    /// <summary>The pid behind a sender, for polkit's subject: asked of the bus only when an administrative check needs it.</summary>
    public static Task<uint> LookUpProcessIdAsync(DBusConnection connection, string uniqueName) =>
        AskBusAsync(connection, "GetConnectionUnixProcessID", uniqueName);

    private static Task<uint> AskBusAsync(DBusConnection connection, string member, string uniqueName)
    {
        MessageWriter writer;
        try
        {
            writer = connection.GetMessageWriter();
        }
        catch (ObjectDisposedException e)
        {
            return Task.FromException<uint>(e); // our connection closed under the call: a failed lookup, never a throw from Get
        }

        try
        {
            writer.WriteMethodCallHeader(Bus, "/org/freedesktop/DBus", Bus, member, "s", MessageFlags.None);
            writer.WriteString(uniqueName);
            return connection.CallMethodAsync(writer.CreateMessage(), static (message, _) => message.GetBodyReader().ReadUInt32(), null);
        }
        finally
        {
            writer.Dispose();
        }
    }
}
