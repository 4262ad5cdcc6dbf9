using LlmOs.Engine.Errors;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Serves one image classifier: loads it on first use, then takes every classify task that is waiting (up to
/// <see cref="MaxBatchImages"/>, from the scheduler's fair queue of this model) into one
/// <see cref="IImageClassifier.ClassifyAsync"/> call and gives each task its own labels back. Tasks that arrive while a
/// batch runs form the next one, so concurrent requests share model runs without any waiting on purpose. Like the
/// other models it reserves memory before it loads and unloads after its keep-alive or when evicted
/// (<c>VisionWorker.Residency.cs</c>).
/// </summary>
internal sealed partial class VisionWorker : IAsyncDisposable
{
    /// <summary>Images gathered into one model run at most.</summary>
    public const int MaxBatchImages = 16;

    private readonly WakeSignal _wake = new();
    private readonly ModelEntry _entry;
    private readonly IVisionBackend _backend;
    private readonly Scheduler _scheduler;
    private readonly IEngineMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private IImageClassifier? _model;
    private DateTimeOffset _loadedAt;
    private int _activeImages;

    public VisionWorker(ModelEntry entry, IVisionBackend backend, Scheduler scheduler, Residency residency, SchedulerOptions options, IEngineMetrics metrics, TimeProvider time, ILogger logger)
    {
        _entry = entry;
        _backend = backend;
        _scheduler = scheduler;
        _residency = residency;
        _keepAlive = options.KeepAlive;
        _metrics = metrics;
        _time = time;
        _clock = new IdleClock(time);
        _logger = logger;
        Steps = new StepWatch(entry.Name, time);
        _loop = Task.Run(RunAsync);
    }

    public ModelWorkerState State { get; private set; }

    /// <summary>The model run going on now, for the scheduler's liveness check.</summary>
    public StepWatch Steps { get; }

    /// <summary>This worker's model as <c>ps</c> shows it, or null when it is not in memory.</summary>
    public ResidentModel? Describe() => State == ModelWorkerState.Unloaded || _residency.ReservedBy(this) == 0
        ? null
        : new ResidentModel(_entry.Name, ModelKind.Vision, State, _residency.ReservedBy(this), Volatile.Read(ref _activeImages), MaxBatchImages, 0, 0, _loadedAt, ExpiresAt);

    /// <summary>Called by the scheduler after it queued a task for this model.</summary>
    public void Wake() => _wake.Set();

    private async Task RunAsync()
    {
        var batch = new List<TaskRecord>(MaxBatchImages);
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            _wake.Reset();
            batch.Clear();
            while (batch.Count < MaxBatchImages && _scheduler.TryTakeNext(_entry.Name, out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                try
                {
                    if (await UnloadIfDueAsync().ConfigureAwait(false))
                    {
                        continue;
                    }

                    await _wake.WaitAsync(_clock.Until(ExpiresAt), _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            try
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Nothing may end this loop while the worker lives: the tasks fail below, the next batch runs.
                VisionLog.BatchFailed(_logger, e, batch.Count, _entry.Name);
            }
            finally
            {
                foreach (var task in batch)
                {
                    if (!task.IsFinished)
                    {
                        task.Fail(ErrorKind.Internal, "the vision worker ended the task without a result");
                    }

                    _scheduler.Finished(task, 0);
                }

                Touch();
                _residency.BecameIdle();
            }
        }
    }

    private async Task RunBatchAsync(List<TaskRecord> batch)
    {
        IImageClassifier model;
        try
        {
            model = _model ?? await LoadAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            batch.ForEach(t => t.MarkCancelled());
            return;
        }
        catch (EngineException e)
        {
            // Every task waiting for this model would meet the same failure: they end with it now, not one batch at a time.
            batch.ForEach(t => t.Fail(e.Kind, e.Message));
            _scheduler.FailWaiting(_entry.Name, e);
            return;
        }

        Volatile.Write(ref _activeImages, batch.Count);
        try
        {
            if (batch.Count == 1 || !await ClassifyTogetherAsync(model, batch).ConfigureAwait(false))
            {
                foreach (var task in batch)
                {
                    await ClassifyAloneAsync(model, task).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _activeImages, 0);
        }
    }

    /// <summary>Stops taking tasks, cancels what runs, waits for the loop to end, and unloads the model.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await UnloadAsync("shutdown").ConfigureAwait(false);
        _stopping.Dispose();
    }
}
