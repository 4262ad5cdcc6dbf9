using LlmOs.Engine.Scheduling;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// The per-uid bounds of the intent engine's wire that the scheduler does not count, the same on the socket and the bus:
/// due-event subscriptions (<c>GET /v1/events</c> streams and D-Bus <c>Subscribe</c> together, as many as a uid may keep
/// intent handler streams) and utterance tests (as many as a uid may run asks and intents).
/// </summary>
internal sealed class CallerLimits(SchedulerOptions options)
{
    public const int MaxDueSubscriptionsPerUid = 32;

    public PerUidLimit DueSubscriptions { get; } = new(MaxDueSubscriptionsPerUid, "due-event subscriptions open", TimeSpan.FromSeconds(5));

    public PerUidLimit UtteranceTests { get; } = new(options.MaxIntentsPerUid, "utterance tests running", TimeSpan.FromSeconds(1));
}
