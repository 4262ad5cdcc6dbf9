using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Serves one embedding model: loads it on first use, then takes every task that is waiting (up to
/// <see cref="MaxBatchTexts"/> texts, from the scheduler's fair queue of this model) into one
/// <see cref="IEmbeddingModel.EmbedAsync"/> call and gives each task its own vectors back. Tasks that arrive
/// while a batch runs form the next one, so concurrent requests share model runs without any waiting on purpose.
/// Like a text model it reserves memory before it loads and unloads after its keep-alive or when evicted
/// (<c>EmbeddingWorker.Residency.cs</c>).
/// </summary>
internal sealed partial class EmbeddingWorker : IAsyncDisposable
{
    /// <summary>Texts gathered into one batch at most; a single task with more still runs, alone.</summary>
    public const int MaxBatchTexts = 32;

    private readonly WakeSignal _wake = new();
    private readonly ModelEntry _entry;
    private readonly IEmbeddingBackend _backend;
    private readonly Scheduler _scheduler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private IEmbeddingModel? _model;
    private DateTimeOffset _loadedAt;
    private int _activeTexts;

    public EmbeddingWorker(ModelEntry entry, IEmbeddingBackend backend, Scheduler scheduler, Residency residency, SchedulerOptions options, TimeProvider time, ILogger logger)
    {
        _entry = entry;
        _backend = backend;
        _scheduler = scheduler;
        _residency = residency;
        _keepAlive = options.KeepAlive;
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
        : new ResidentModel(_entry.Name, ModelKind.Embedding, State, _residency.ReservedBy(this), Volatile.Read(ref _activeTexts), MaxBatchTexts, 0, 0, _loadedAt, ExpiresAt);

    /// <summary>Called by the scheduler after it queued a task for this model.</summary>
    public void Wake() => _wake.Set();

    private async Task RunAsync()
    {
        var batch = new List<TaskRecord>(MaxBatchTexts);
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            _wake.Reset();
            batch.Clear();
            Gather(batch);
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
                EmbeddingLog.BatchFailed(_logger, e, batch.Count, _entry.Name);
            }
            finally
            {
                foreach (var task in batch)
                {
                    if (!task.IsFinished)
                    {
                        task.Fail(ErrorKind.Internal, "the embedding worker ended the task without a result");
                    }

                    _scheduler.Finished(task, 0);
                }

                Touch();
                _residency.BecameIdle();
            }
        }
    }

    /// <summary>Takes waiting tasks (round-robin across clients, by the scheduler) while their texts fit in one batch (the first one always fits).</summary>
    private void Gather(List<TaskRecord> batch)
    {
        int texts = 0;
        while (texts < MaxBatchTexts && _scheduler.TryTakeNext(_entry.Name, out var next, t => batch.Count == 0 || texts + t.Inputs.Count <= MaxBatchTexts))
        {
            batch.Add(next);
            texts += next.Inputs.Count;
        }
    }

    private async Task RunBatchAsync(List<TaskRecord> batch)
    {
        IEmbeddingModel model;
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
            batch.ForEach(t => t.Fail(e.Kind, e.Message));
            return;
        }

        int texts = batch.Sum(t => t.Inputs.Count);
        Volatile.Write(ref _activeTexts, texts);
        try
        {
            if (batch.Count == 1 || !await EmbedTogetherAsync(model, batch, texts).ConfigureAwait(false))
            {
                foreach (var task in batch)
                {
                    await EmbedAloneAsync(model, task).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _activeTexts, 0);
        }
    }

    private async Task<IEmbeddingModel> LoadAsync()
    {
        State = ModelWorkerState.Loading;
        long started = TimeProvider.System.GetTimestamp();
        try
        {
            await ReserveAsync().ConfigureAwait(false);
            _model = await _backend.LoadAsync(_entry, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not EngineException)
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            EmbeddingLog.ModelLoadFailed(_logger, e, _entry.Name);
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{_entry.Name}' failed to load: {e.Message}");
        }
        catch
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            throw;
        }

        _loadedAt = DateTimeOffset.UtcNow;
        State = ModelWorkerState.Loaded;
        EmbeddingLog.ModelLoaded(_logger, _entry.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return _model;
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
