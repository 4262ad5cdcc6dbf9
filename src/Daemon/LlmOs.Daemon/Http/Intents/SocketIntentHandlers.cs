using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>
/// The socket clients' open handler streams and the dispatches that wait for their answers, so that
/// <c>POST /v1/intents/dispatches/{id}</c> finds the one it answers. A uid may keep <see cref="MaxStreamsPerUid"/> streams.
/// </summary>
internal sealed class SocketIntentHandlers
{
    public const int MaxStreamsPerUid = 32;

    private readonly ConcurrentDictionary<string, PendingDispatch> _dispatches = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, int> _streams = [];
    private readonly Lock _gate = new();

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Counts a new stream of <paramref name="uid"/>; false when it already keeps as many as it may.</summary>
    public bool TryOpen(uint uid)
    {
        lock (_gate)
        {
            int open = _streams.GetValueOrDefault(uid);
            if (open >= MaxStreamsPerUid)
            {
                return false;
            }

            _streams[uid] = open + 1;
            return true;
        }
    }

    public void Closed(uint uid)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(uid, out int open) && open > 1)
            {
                _streams[uid] = open - 1;
            }
            else
            {
                _streams.Remove(uid);
            }
        }
    }

    public void Track(PendingDispatch dispatch) => _dispatches[dispatch.Id] = dispatch;

    public void Forget(string id) => _dispatches.TryRemove(id, out _);

    /// <summary>The dispatch <paramref name="id"/> if it waits for an answer from <paramref name="uid"/>; another user's is as absent.</summary>
    public PendingDispatch? Find(string id, uint uid) =>
        _dispatches.TryGetValue(id, out var dispatch) && dispatch.Handler.OwnerUid == uid ? dispatch : null;
}
