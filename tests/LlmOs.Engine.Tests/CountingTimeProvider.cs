namespace LlmOs.Engine.Tests;

/// <summary>The system clock, counting how often timestamps are read: a loop that spins reads it without end.</summary>
internal sealed class CountingTimeProvider : TimeProvider
{
    private long _reads;

    public long TimestampReads => Interlocked.Read(ref _reads);

    public override long GetTimestamp()
    {
        Interlocked.Increment(ref _reads);
        return base.GetTimestamp();
    }
}
