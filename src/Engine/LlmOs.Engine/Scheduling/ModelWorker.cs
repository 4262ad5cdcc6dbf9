using System.Threading.Channels;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Serves one model: loads it on first use, then runs its queued tasks one after another.
/// A cancelled task leaves at the next token and the worker takes the next task at once.
/// </summary>
internal sealed class ModelWorker : IAsyncDisposable
{
    private readonly Channel<TaskRecord> _queue = Channel.CreateUnbounded<TaskRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ModelEntry _entry;
    private readonly ITextBackend _backend;
    private readonly Scheduler _scheduler;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private ITextModel? _model;

    public ModelWorker(ModelEntry entry, ITextBackend backend, Scheduler scheduler, ILogger logger)
    {
        _entry = entry;
        _backend = backend;
        _scheduler = scheduler;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public ModelWorkerState State { get; private set; }

    /// <summary>This worker's model as <c>ps</c> shows it, or null when it is not in memory.</summary>
    public ResidentModel? Describe() => State == ModelWorkerState.Unloaded
        ? null
        : new ResidentModel(_entry.Name, _entry.Kind, State, _entry.SizeBytes, 0, 1, 0, 0, DateTimeOffset.UtcNow, null);

    public void Enqueue(TaskRecord task) => _queue.Writer.TryWrite(task);

    private async Task RunAsync()
    {
        await foreach (var task in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (!_scheduler.TryStart(task))
            {
                continue;
            }

            try
            {
                await RunTaskAsync(task).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (task.CancellationToken.IsCancellationRequested)
            {
                task.MarkCancelled();
            }
            catch (EngineException e)
            {
                task.Fail(e.Kind, e.Message);
            }
            catch (Exception e)
            {
                EngineLog.GenerationFailed(_logger, e, task.Id, _entry.Name);
                task.Fail(ErrorKind.Internal, "generation failed inside the engine: " + e.Message);
            }
            finally
            {
                _scheduler.Finished(task);
            }
        }
    }

    private async Task RunTaskAsync(TaskRecord task)
    {
        var model = _model ?? await LoadAsync(task.CancellationToken).ConfigureAwait(false);
        var stops = new StopSequenceFilter(task.Options.Stop);
        var end = await model.GenerateAsync(task.Prompt, task.Options, piece =>
        {
            task.AppendText(stops.Push(piece));
            return !stops.Stopped;
        }, task.CancellationToken).ConfigureAwait(false);

        task.AppendText(stops.Flush());
        task.Complete(end.Tokens, stops.Stopped ? FinishReason.Stop : end.Reason);
    }

    private async Task<ITextModel> LoadAsync(CancellationToken cancellationToken)
    {
        State = ModelWorkerState.Loading;
        long started = TimeProvider.System.GetTimestamp();
        try
        {
            _model = await _backend.LoadAsync(_entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not EngineException)
        {
            State = ModelWorkerState.Unloaded;
            EngineLog.ModelLoadFailed(_logger, e, _entry.Name);
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{_entry.Name}' failed to load: {e.Message}");
        }
        catch
        {
            State = ModelWorkerState.Unloaded;
            throw;
        }

        State = ModelWorkerState.Loaded;
        EngineLog.ModelLoaded(_logger, _entry.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return _model;
    }

    /// <summary>Stops taking tasks, waits for the loop to drain what is left, and unloads the model.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (_model is not null)
        {
            await _model.DisposeAsync().ConfigureAwait(false);
            _model = null;
            State = ModelWorkerState.Unloaded;
        }
    }
}
