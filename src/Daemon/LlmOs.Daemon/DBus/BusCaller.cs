using LlmOs.Daemon.Security;

namespace LlmOs.Daemon.DBus;

/// <summary>Who made a method call: its connection (unique name, tasks, departure) and its uid.</summary>
internal readonly record struct BusCaller(BusPeer Peer, uint Uid)
{
    public string UniqueName => Peer.UniqueName;

    public bool IsRoot => Uid == 0;

    /// <summary>This caller of an administrative operation: its pid is asked of the bus only if polkit is to be asked.</summary>
    public AdminCaller AsAdminCaller()
    {
        var peer = Peer;
        return new AdminCaller(Uid, _ => BusPeers.LookUpProcessIdAsync(peer.Connection, peer.UniqueName));
    }
}
