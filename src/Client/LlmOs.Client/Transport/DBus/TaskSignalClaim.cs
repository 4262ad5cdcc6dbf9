namespace LlmOs.Client.Transport.DBus;

/// <summary>A follower's hold on one task's signals (<see cref="TaskSignalRouter.Claim"/>); disposing it lets them go.</summary>
internal sealed class TaskSignalClaim(TaskSignalRouter router, TaskSignalQueue queue) : IDisposable
{
    private CancellationTokenRegistration _daemonWatch;

    public TaskSignalQueue Queue { get; } = queue;

    /// <summary>Fails the follower once <paramref name="daemon"/> (the unique name that answered for the task) leaves the bus.</summary>
    public void EndWhenDaemonLeaves(string? daemon) => _daemonWatch = router.EndWhenDaemonLeaves(Queue, daemon);

    public void Dispose()
    {
        _daemonWatch.Dispose(); // outside the router's lock: this waits for a callback that may be running
        router.Release(Queue);
    }
}
