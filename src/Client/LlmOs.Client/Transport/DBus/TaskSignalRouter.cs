using System.Diagnostics;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// One match rule for every task signal llmosd sends this connection, routed by object path to the queues of whoever
/// follows that task. llmosd sends a task's signals to the submitting connection from the moment it queues the task,
/// so some arrive before the caller has read the Submit reply and claimed the path: those wait in a buffer for a
/// while (<see cref="UnclaimedLifetime"/>), and the first claim takes them over. Nothing is subscribed per task.
/// </summary>
internal sealed class TaskSignalRouter : IDisposable
{
    /// <summary>How long signals of a task nobody follows are kept for a follower still to come.</summary>
    public static readonly TimeSpan UnclaimedLifetime = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly NameOwnerWatcher _daemonOwner;
    private readonly Func<string, Exception> _onDaemonLeft;
    private IDisposable? _subscription;
    private Exception? _failure;

    private TaskSignalRouter(NameOwnerWatcher daemonOwner, Func<string, Exception> onDaemonLeft)
    {
        _daemonOwner = daemonOwner;
        _onDaemonLeft = onDaemonLeft;
    }

    /// <summary>
    /// Subscribes to task signals on <paramref name="connection"/>; <paramref name="onFailure"/> turns a lost connection into the
    /// exception followers get, <paramref name="onDaemonLeft"/> (given the task's path) llmosd leaving the bus while they follow.
    /// </summary>
    public static async Task<TaskSignalRouter> StartAsync(DBusConnection connection, Func<Exception, Exception> onFailure, Func<string, Exception> onDaemonLeft)
    {
        var router = new TaskSignalRouter(await connection.WatchNameOwnerAsync(DBusNames.Service).ConfigureAwait(false), onDaemonLeft);
        try
        {
            var rule = new MatchRule { Type = MessageType.Signal, Sender = DBusNames.Service, PathNamespace = DBusNames.TaskPathRoot };
            router._subscription = await connection.AddMatchAsync(
                rule,
                TaskSignalReader.Read,
                (Notification<TaskSignal> notification) =>
                {
                    if (notification.IsCompletion)
                    {
                        router.Fail(onFailure(notification.CompletionReason));
                    }
                    else if (notification.Value.Kind != TaskSignalKind.Ignored)
                    {
                        router.Post(notification.Value);
                    }
                },
                emitOnCapturedContext: false,
                flags: ObserverFlags.EmitOnConnectionClosed | ObserverFlags.EmitOnConnectionFailed,
                state: router).ConfigureAwait(false);
            return router;
        }
        catch
        {
            router.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="sender"/> (a unique name) is the connection that owns <c>org.llmos.Daemon</c> now.</summary>
    public bool IsFromDaemon(string? sender) =>
        sender is not null && _daemonOwner.GetCurrentOwner() is { } owner && NameOwnerWatcher.GetOwnerBusName(owner) == sender;

    /// <summary>Starts following a task's signals, with those that came before; dispose the claim to stop.</summary>
    public TaskSignalClaim Claim(string path)
    {
        lock (_gate)
        {
            if (!_routes.TryGetValue(path, out var route))
            {
                _routes[path] = route = new Route();
            }

            var queue = route.Buffer ?? new TaskSignalQueue(path);
            route.Buffer = null;
            route.Followers.Add(queue);
            if (_failure is not null)
            {
                queue.Fail(_failure);
            }

            return new TaskSignalClaim(this, queue);
        }
    }

    /// <summary>
    /// Ends <paramref name="queue"/> once <paramref name="daemon"/> (the unique name that answered for the task; null: whoever
    /// owns <c>org.llmos.Daemon</c> now) no longer owns the name: a daemon that stopped, crashed or was replaced sends no
    /// Finished signal, and its follower would wait forever. Dispose the registration when the follower stops.
    /// </summary>
    public CancellationTokenRegistration EndWhenDaemonLeaves(TaskSignalQueue queue, string? daemon)
    {
        string? owner = _daemonOwner.GetCurrentOwner();
        if (owner is null || (daemon is not null && NameOwnerWatcher.GetOwnerBusName(owner) != daemon))
        {
            queue.Fail(DaemonLeft(queue.Path));
            return default;
        }

        return _daemonOwner.GetOwnerChangedCancellationToken(owner).UnsafeRegister(
            static state =>
            {
                var (router, queue) = ((TaskSignalRouter, TaskSignalQueue))state!;
                queue.Fail(router.DaemonLeft(queue.Path));
            },
            (this, queue));
    }

    public void Release(TaskSignalQueue queue)
    {
        lock (_gate)
        {
            if (_routes.TryGetValue(queue.Path, out var route) && route.Followers.Remove(queue) && route.Followers.Count == 0 && route.Buffer is null)
            {
                _routes.Remove(queue.Path);
            }
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _daemonOwner.Dispose();
    }

    private void Post(TaskSignal signal)
    {
        lock (_gate)
        {
            if (!_routes.TryGetValue(signal.Path, out var route))
            {
                DropStaleBuffers();
                _routes[signal.Path] = route = new Route();
            }

            if (route.Followers.Count == 0)
            {
                route.Buffer ??= new TaskSignalQueue(signal.Path);
                route.Buffer.Post(signal);
                return;
            }

            foreach (var follower in route.Followers)
            {
                follower.Post(signal);
            }
        }
    }

    private void Fail(Exception reason)
    {
        lock (_gate)
        {
            _failure ??= reason;
            foreach (var route in _routes.Values)
            {
                foreach (var follower in route.Followers)
                {
                    follower.Fail(_failure);
                }
            }
        }
    }

    /// <summary>Why a follower ends when the owner changes: the lost connection if that is what happened, else llmosd leaving.</summary>
    private Exception DaemonLeft(string path) => Volatile.Read(ref _failure) ?? _onDaemonLeft(path);

    private void DropStaleBuffers()
    {
        long now = Stopwatch.GetTimestamp();
        List<string>? stale = null;
        foreach (var (path, route) in _routes)
        {
            if (route.Followers.Count == 0 && Stopwatch.GetElapsedTime(route.Since, now) > UnclaimedLifetime)
            {
                (stale ??= []).Add(path);
            }
        }

        foreach (string path in stale ?? [])
        {
            _routes.Remove(path);
        }
    }

    private sealed class Route
    {
        public long Since { get; } = Stopwatch.GetTimestamp();

        public List<TaskSignalQueue> Followers { get; } = [];

        public TaskSignalQueue? Buffer { get; set; }
    }
}
