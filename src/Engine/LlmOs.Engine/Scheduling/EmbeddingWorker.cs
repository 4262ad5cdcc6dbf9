using System.Threading.Channels;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Serves one embedding model: loads it on first use, then takes every task that is waiting (up to
/// <see cref="MaxBatchTexts"/> texts) into one <see cref="IEmbeddingModel.EmbedAsync"/> call and gives each
/// task its own vectors back. Tasks that arrive while a batch runs form the next one, so concurrent
/// requests share model runs without any waiting on purpose.
/// </summary>
internal sealed partial class EmbeddingWorker : IAsyncDisposable
{
    /// <summary>Texts gathered into one batch at most; a single task with more still runs, alone.</summary>
    public const int MaxBatchTexts = 32;

    private readonly Channel<TaskRecord> _queue;
    private readonly ModelEntry _entry;
    private readonly IEmbeddingBackend _backend;
    private readonly Scheduler _scheduler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private IEmbeddingModel? _model;
    private DateTimeOffset _loadedAt;
    private int _activeTexts;

    // capacity: the scheduler's queue capacity. Admission already bounds the tasks that wait; this bounds the channel too.
    public EmbeddingWorker(ModelEntry entry, IEmbeddingBackend backend, Scheduler scheduler, int capacity, ILogger logger)
    {
        _entry = entry;
        _backend = backend;
        _scheduler = scheduler;
        _logger = logger;
        _queue = Channel.CreateBounded<TaskRecord>(new BoundedChannelOptions(Math.Max(1, capacity)) { SingleReader = true });
        _loop = Task.Run(RunAsync);
    }

    public ModelWorkerState State { get; private set; }

    /// <summary>This worker's model as <c>ps</c> shows it, or null when it is not in memory.</summary>
    public ResidentModel? Describe() => State == ModelWorkerState.Unloaded
        ? null
        : new ResidentModel(_entry.Name, ModelKind.Embedding, State, _model?.MemoryBytes ?? _entry.SizeBytes, Volatile.Read(ref _activeTexts), MaxBatchTexts, 0, 0, _loadedAt, null);

    /// <summary>Queues an admitted task.</summary>
    public void Enqueue(TaskRecord task)
    {
        if (_queue.Writer.TryWrite(task))
        {
            return;
        }

        // Full only when tasks cancelled while queued still wait to be drained, or after shutdown: refuse this one as busy.
        if (_scheduler.TryStart(task))
        {
            task.Fail(ErrorKind.Busy, "the embedding queue is full; try again shortly");
            _scheduler.Finished(task);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<TaskRecord>(MaxBatchTexts);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            Gather(batch);
            if (batch.Count == 0)
            {
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

                    _scheduler.Finished(task);
                }
            }
        }
    }

    /// <summary>Takes the waiting tasks, in order, while their texts fit in one batch (the first one always fits).</summary>
    private void Gather(List<TaskRecord> batch)
    {
        int texts = 0;
        while (texts < MaxBatchTexts && _queue.Reader.TryPeek(out var next))
        {
            if (batch.Count > 0 && texts + next.Inputs.Count > MaxBatchTexts)
            {
                break;
            }

            _queue.Reader.TryRead(out _);
            if (!_scheduler.TryStart(next))
            {
                continue; // cancelled while it waited
            }

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
            _model = await _backend.LoadAsync(_entry, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not EngineException)
        {
            State = ModelWorkerState.Unloaded;
            EmbeddingLog.ModelLoadFailed(_logger, e, _entry.Name);
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{_entry.Name}' failed to load: {e.Message}");
        }
        catch
        {
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
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        if (_model is not null)
        {
            await _model.DisposeAsync().ConfigureAwait(false);
            _model = null;
        }

        State = ModelWorkerState.Unloaded;
        _stopping.Dispose();
    }
}
