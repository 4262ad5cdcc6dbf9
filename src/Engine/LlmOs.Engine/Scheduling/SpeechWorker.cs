using LlmOs.Engine.Errors;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Serves one Whisper model: loads it on first use, then runs the transcribe tasks of its fair queue one at a time
/// (whisper.cpp decodes one stream per processor, and one transcription already takes the cores it is given),
/// reporting each segment as a <see cref="TaskEventKind.Transcript"/> event as it is decoded. Like the other models it
/// reserves memory before it loads and unloads after its keep-alive or when evicted (<c>SpeechWorker.Residency.cs</c>).
/// </summary>
internal sealed partial class SpeechWorker : IAsyncDisposable
{
    private readonly WakeSignal _wake = new();
    private readonly ModelEntry _entry;
    private readonly ITranscriptionBackend _backend;
    private readonly Scheduler _scheduler;
    private readonly IEngineMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private ITranscriptionModel? _model;
    private DateTimeOffset _loadedAt;
    private int _active;

    public SpeechWorker(ModelEntry entry, ITranscriptionBackend backend, Scheduler scheduler, Residency residency, SchedulerOptions options, IEngineMetrics metrics, TimeProvider time, ILogger logger)
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

    /// <summary>The transcription going on now, for the scheduler's liveness check.</summary>
    public StepWatch Steps { get; }

    /// <summary>This worker's model as <c>ps</c> shows it, or null when it is not in memory.</summary>
    public ResidentModel? Describe() => State == ModelWorkerState.Unloaded || _residency.ReservedBy(this) == 0
        ? null
        : new ResidentModel(_entry.Name, ModelKind.Speech, State, _residency.ReservedBy(this), Volatile.Read(ref _active), 1, 0, 0, _loadedAt, ExpiresAt);

    /// <summary>Called by the scheduler after it queued a task for this model.</summary>
    public void Wake() => _wake.Set();

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            _wake.Reset();
            if (!_scheduler.TryTakeNext(_entry.Name, out var task))
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
                await RunTaskAsync(task).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Nothing may end this loop while the worker lives: the task fails below, the next one runs.
                SpeechLog.TranscribeFailed(_logger, e, task.Id, _entry.Name);
            }
            finally
            {
                if (!task.IsFinished)
                {
                    task.Fail(ErrorKind.Internal, "the speech worker ended the task without a result");
                }

                _scheduler.Finished(task, 0);
                Touch();
                _residency.BecameIdle();
            }
        }
    }

    private async Task RunTaskAsync(TaskRecord task)
    {
        ITranscriptionModel model;
        try
        {
            model = _model ?? await LoadAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            task.MarkCancelled();
            return;
        }
        catch (EngineException e)
        {
            // Every task waiting for this model would meet the same failure: they end with it now.
            task.Fail(e.Kind, e.Message);
            _scheduler.FailWaiting(_entry.Name, e);
            return;
        }

        Volatile.Write(ref _active, 1);
        try
        {
            await TranscribeAsync(model, task).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _active, 0);
        }
    }
}
