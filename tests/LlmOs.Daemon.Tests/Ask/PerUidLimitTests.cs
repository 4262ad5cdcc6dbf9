using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>The per-uid bounds of utterance tests and due-event subscriptions: busy beyond the bound, each uid on its own.</summary>
public sealed class PerUidLimitTests
{
    [Fact]
    public void Utterance_tests_are_bounded_per_uid_like_asks_and_a_lease_gives_its_place_back_once()
    {
        var limits = new CallerLimits(new SchedulerOptions());
        var limit = limits.UtteranceTests;
        Assert.Equal(new SchedulerOptions().MaxIntentsPerUid, limit.Max);
        var held = Enumerable.Range(0, limit.Max).Select(_ => limit.Enter(1000)).ToList();

        var refused = Assert.Throws<EngineException>(() => limit.Enter(1000));
        Assert.Equal(ErrorKind.Busy, refused.Kind);
        Assert.NotNull(refused.RetryAfter);
        using (limit.Enter(1001))
        {
            Assert.Equal(1, limit.Held(1001)); // another user is not held back by this one
        }

        Assert.Equal(0, limit.Held(1001));
        held[0].Dispose();
        held[0].Dispose(); // twice: still one place
        Assert.Equal(limit.Max - 1, limit.Held(1000));
        held[0] = limit.Enter(1000);
        Assert.Throws<EngineException>(() => limit.Enter(1000));
        held.ForEach(h => h.Dispose());
        Assert.Equal(0, limit.Held(1000));
    }

    [Fact]
    public void Due_subscriptions_are_bounded_at_32_per_uid()
    {
        var limit = new CallerLimits(new SchedulerOptions()).DueSubscriptions;
        var held = Enumerable.Range(0, CallerLimits.MaxDueSubscriptionsPerUid).Select(_ => limit.Enter(7)).ToList();
        Assert.Equal(32, limit.Held(7));
        Assert.Equal(ErrorKind.Busy, Assert.Throws<EngineException>(() => limit.Enter(7)).Kind);
        held.ForEach(h => h.Dispose());
        Assert.Equal(0, limit.Held(7));
    }
}
