using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// At most <see cref="Max"/> of one kind of thing at a time per uid (open event streams, utterance tests): one client
/// must not take an unbounded share of the daemon's memory or threads. Beyond it, <c>busy</c> with a time to retry.
/// A counter under a lock, hand-written: nothing in the BCL counts per key, and the engine's own per-uid counter is internal.
/// </summary>
internal sealed class PerUidLimit(int max, string what, TimeSpan retryAfter)
{
    private readonly Dictionary<uint, int> _held = [];
    private readonly Lock _gate = new();

    public int Max => max;

    /// <summary>Takes one of <paramref name="uid"/>'s places until the returned lease is disposed; busy when none is free.</summary>
    public IDisposable Enter(uint uid)
    {
        lock (_gate)
        {
            int held = _held.GetValueOrDefault(uid);
            if (held >= max)
            {
                throw new EngineException(ErrorKind.Busy, $"uid {uid} already has {held} {what}, the most one client may; end one first", retryAfter: retryAfter);
            }

            _held[uid] = held + 1;
        }

        return new Lease(this, uid);
    }

    /// <summary>How many places <paramref name="uid"/> holds now.</summary>
    public int Held(uint uid)
    {
        lock (_gate)
        {
            return _held.GetValueOrDefault(uid);
        }
    }

    private void Exit(uint uid)
    {
        lock (_gate)
        {
            if (_held.TryGetValue(uid, out int held) && held > 1)
            {
                _held[uid] = held - 1;
            }
            else
            {
                _held.Remove(uid);
            }
        }
    }

    private sealed class Lease(PerUidLimit limit, uint uid) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limit.Exit(uid);
            }
        }
    }
}
