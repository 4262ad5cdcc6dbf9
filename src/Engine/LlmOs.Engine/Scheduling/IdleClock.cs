namespace LlmOs.Engine.Scheduling;

/// <summary>
/// When a loaded model last worked, and so when its keep-alive runs out: the one place both kinds of worker
/// (text and embedding) keep that time. Thread-safe: the worker touches it, <c>ps</c> and the evictor read it.
/// </summary>
internal sealed class IdleClock(TimeProvider time)
{
    private long _lastUsed = time.GetTimestamp();

    /// <summary>When the model last worked; the least recently used idle model is evicted first.</summary>
    public long LastUsedTimestamp => Volatile.Read(ref _lastUsed);

    public void Touch() => Volatile.Write(ref _lastUsed, time.GetTimestamp());

    /// <summary>When an idle model with <paramref name="keepAlive"/> expires; null when it is kept (negative keep-alive).</summary>
    public DateTimeOffset? ExpiresAt(TimeSpan keepAlive) =>
        keepAlive < TimeSpan.Zero ? null : time.GetUtcNow() - time.GetElapsedTime(LastUsedTimestamp) + keepAlive;

    /// <summary>How long to wait for <paramref name="expires"/>; infinite when there is none.</summary>
    public TimeSpan Until(DateTimeOffset? expires) => expires is { } at
        ? TimeSpan.FromTicks(Math.Max(0, (at - time.GetUtcNow()).Ticks))
        : Timeout.InfiniteTimeSpan;
}
