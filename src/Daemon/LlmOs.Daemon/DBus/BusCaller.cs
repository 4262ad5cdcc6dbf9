namespace LlmOs.Daemon.DBus;

/// <summary>Who made a method call: its connection (unique name, tasks, departure) and its uid.</summary>
internal readonly record struct BusCaller(BusPeer Peer, uint Uid)
{
    public string UniqueName => Peer.UniqueName;

    public bool IsRoot => Uid == 0;

    /// <summary>Whether this caller may see a task owned by <paramref name="ownerUid"/>: its own, or any for root.</summary>
    public bool Sees(uint ownerUid) => Uid == 0 || Uid == ownerUid;
}
