using LlmOs.Daemon.Hosting;
using LlmOs.Engine.Scheduling;

namespace LlmOs.Daemon.Tests.Hosting;

/// <summary>The daemon's side of the watchdog: ping only while the scheduler is responsive, and say so once each way.</summary>
public sealed class WatchdogGateTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_stuck_step_stops_the_pings_with_one_warning_and_its_return_resumes_them_with_one_notice()
    {
        var logger = new EventIdLogger();
        var gate = new WatchdogGate(logger);
        var stuck = new SchedulerLiveness(false, "qwen", TimeSpan.FromSeconds(31));

        Assert.True(gate.MayPing(SchedulerLiveness.Idle, Bound));
        Assert.True(gate.MayPing(new SchedulerLiveness(true, "qwen", TimeSpan.FromSeconds(29)), Bound));
        Assert.Empty(logger.EventIds);

        Assert.False(gate.MayPing(stuck, Bound));
        Assert.False(gate.MayPing(stuck with { Running = TimeSpan.FromSeconds(40) }, Bound));
        Assert.Equal("qwen", gate.Stuck);
        Assert.Equal([2704], logger.EventIds);

        Assert.True(gate.MayPing(SchedulerLiveness.Idle, Bound));
        Assert.True(gate.MayPing(SchedulerLiveness.Idle, Bound));
        Assert.Null(gate.Stuck);
        Assert.Equal([2704, 2705], logger.EventIds);
    }
}
