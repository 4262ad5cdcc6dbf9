namespace LlmOs.Engine.Tests;

/// <summary>A clock that moves only when a test says so; timestamps follow the same clock.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The zone local dates are taken in; the machine's own when null.</summary>
    public TimeZoneInfo? LocalZone { get; init; }

    public override TimeZoneInfo LocalTimeZone => LocalZone ?? base.LocalTimeZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public void Advance(TimeSpan by) => _now += by;
}
