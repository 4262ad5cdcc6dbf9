using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Models;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Serves one text model: loads it when tasks wait for it (after reserving memory), runs its tasks together in
/// batches of up to <see cref="SchedulerOptions.ParallelSequences"/>, and unloads it when its keep-alive runs out,
/// when asked, or when evicted for another model. One loop per model; the batch steps run on a thread of their own.
/// </summary>
internal sealed partial class ModelWorker : IEvictable, IAsyncDisposable
{
    private readonly Scheduler _scheduler;
    private readonly ITextBackend _backend;
    private readonly Residency _residency;
    private readonly SchedulerOptions _options;
    private readonly IEngineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WakeSignal _wake = new();
    private readonly IdleClock _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _requests = new();
    private readonly List<TaskCompletionSource> _loadWaiters = [];
    private readonly List<TaskCompletionSource> _unloadWaiters = [];
    private readonly Task _loop;
    private ITextModel? _model;
    private TextModelSettings? _settings;
    private TimeSpan _keepAlive;
    private int _active;
    private bool _evictionRequested;
    private int _failedLoads;

    public ModelWorker(ModelEntry entry, Scheduler scheduler, ITextBackend backend, Residency residency, SchedulerOptions options, IEngineMetrics metrics, TimeProvider time, ILogger logger)
    {
        Entry = entry;
        _scheduler = scheduler;
        _backend = backend;
        _residency = residency;
        _options = options;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _keepAlive = options.KeepAlive;
        _clock = new IdleClock(time);
        Steps = new StepWatch(entry.Name, time);
        _loop = Task.Run(RunAsync);
    }

    public ModelEntry Entry { get; }

    /// <summary>The batch step running now, for the scheduler's liveness check.</summary>
    public StepWatch Steps { get; }

    public string Name => Entry.Name;

    public ModelWorkerState State { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>Until when new tasks are refused after a failed load (backing off instead of retrying in a loop).</summary>
    public DateTimeOffset RetryAt { get; private set; } = DateTimeOffset.MinValue;

    public long LastUsedTimestamp => _clock.LastUsedTimestamp;

    public bool IsIdle => State == ModelWorkerState.Loaded && Volatile.Read(ref _active) == 0 && !_scheduler.HasWaiting(Name);

    /// <summary>When the idle model will be unloaded; null while it works, or when it is kept loaded.</summary>
    public DateTimeOffset? ExpiresAt => State == ModelWorkerState.Loaded && Volatile.Read(ref _active) == 0 ? _clock.ExpiresAt(_keepAlive) : null;

    /// <summary>This worker's model as <c>ps</c> shows it, or null when it is not in memory (nor has memory reserved to load).</summary>
    public ResidentModel? Describe() => State == ModelWorkerState.Unloaded || _settings is not { } settings || _residency.ReservedBy(this) == 0
        ? null
        : new ResidentModel(Name, Entry.Kind, State, _residency.ReservedBy(this), Volatile.Read(ref _active), settings.Sequences,
            settings.ContextPerSequence, settings.GpuLayers, LoadedAt, ExpiresAt);

    /// <summary>Called by the scheduler after it queued a task for this model.</summary>
    public void Wake() => _wake.Set();

    public void RequestEviction()
    {
        _evictionRequested = true;
        _wake.Set();
    }

    /// <summary>Loads the model (if it is not loaded) and keeps it for <paramref name="keepAlive"/> (default when null).</summary>
    public Task LoadAsync(TimeSpan? keepAlive, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_requests)
        {
            _keepAlive = keepAlive ?? _options.KeepAlive;
            _loadWaiters.Add(waiter);
        }

        _wake.Set();
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Unloads the model as soon as nothing runs on it or waits for it.</summary>
    public Task UnloadAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_requests)
        {
            _unloadWaiters.Add(waiter);
        }

        _wake.Set();
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the loop, fails nothing (the scheduler has cancelled every task by now) and unloads the model.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await UnloadModelAsync("shutdown").ConfigureAwait(false);
        Complete(_loadWaiters, new EngineException(ErrorKind.Busy, "the daemon is shutting down", retryAfter: TimeSpan.FromSeconds(5)));
        Complete(_unloadWaiters, null);
        _stopping.Dispose();
    }

    private void Complete(List<TaskCompletionSource> waiters, Exception? error)
    {
        List<TaskCompletionSource> done;
        lock (_requests)
        {
            done = [.. waiters];
            waiters.Clear();
        }

        foreach (var waiter in done)
        {
            _ = error is null ? waiter.TrySetResult() : waiter.TrySetException(error);
        }
    }

    private bool HasLoadRequest()
    {
        lock (_requests)
        {
            return _loadWaiters.Count > 0;
        }
    }

    private bool HasUnloadRequest()
    {
        lock (_requests)
        {
            return _unloadWaiters.Count > 0;
        }
    }
}
