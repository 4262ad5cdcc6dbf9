namespace LlmOs.Client.Transport.DBus;

/// <summary>A follower's hold on one task's signals (<see cref="TaskSignalRouter.Claim"/>); disposing it lets them go.</summary>
internal sealed class TaskSignalClaim(TaskSignalRouter router, TaskSignalQueue queue) : IDisposable
{
    public TaskSignalQueue Queue { get; } = queue;

    public void Dispose() => router.Release(Queue);
}
