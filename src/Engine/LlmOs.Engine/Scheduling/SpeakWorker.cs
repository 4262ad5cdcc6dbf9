using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Runs the speak tasks, which queue fairly under the model <see cref="TaskRecord.SpeechSynthesisModelName"/>: up to
/// <see cref="SchedulerOptions.SpeakConcurrency"/> syntheses at once through the <see cref="ISpeechSynthesizer"/>, each
/// cancelled by its own task. espeak-ng has no model worth budgeting (a few MiB of voice data it keeps itself), so
/// speech synthesis takes no part in the memory budget and is not shown in <c>ps</c>.
/// </summary>
internal sealed class SpeakWorker : IAsyncDisposable
{
    private readonly WakeSignal _wake = new();
    private readonly ISpeechSynthesizer _synthesizer;
    private readonly Scheduler _scheduler;
    private readonly int _concurrency;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TaskRecord, Task> _running = new();
    private readonly Task _loop;

    public SpeakWorker(ISpeechSynthesizer synthesizer, Scheduler scheduler, SchedulerOptions options, TimeProvider time, ILogger logger)
    {
        _synthesizer = synthesizer;
        _scheduler = scheduler;
        _concurrency = Math.Max(1, options.SpeakConcurrency);
        _logger = logger;
        Steps = new StepWatch(TaskRecord.SpeechSynthesisModelName, time);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The syntheses running now, for the scheduler's liveness check.</summary>
    public StepWatch Steps { get; }

    /// <summary>Called by the scheduler after it queued a speak task, and by a synthesis when it ends.</summary>
    public void Wake() => _wake.Set();

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            _wake.Reset();
            while (_running.Count < _concurrency && _scheduler.TryTakeNext(TaskRecord.SpeechSynthesisModelName, out var task))
            {
                // Added before it starts, so that the count above holds it and its end always finds it to remove.
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _running[task] = SpeakAsync(task, started.Task);
                started.SetResult();
            }

            try
            {
                await _wake.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SpeakAsync(TaskRecord task, Task registered)
    {
        await registered.ConfigureAwait(false);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(task.CancellationToken, _stopping.Token);
        try
        {
            if (task.IsFinished || task.SpeechText is not { } text)
            {
                return;
            }

            long started = TimeProvider.System.GetTimestamp();
            SynthesizedSpeech speech;
            using (Steps.Begin())
            {
                // On the pool: a synthesiser that works synchronously must not hold up the loop that starts the others.
                speech = await Task.Run(() => _synthesizer.SynthesizeAsync(text, task.Speaking ?? new SpeechOptions(), cancel.Token), cancel.Token).ConfigureAwait(false);
            }

            SpeechLog.Spoke(_logger, text.Length, speech.Duration.TotalSeconds, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            task.CompleteSpeak(speech);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            task.MarkCancelled();
        }
        catch (EngineException e)
        {
            task.Fail(e.Kind, e.Message);
        }
        catch (Exception e)
        {
            SpeechLog.SpeakFailed(_logger, e, task.Id);
            task.Fail(ErrorKind.Internal, "speech synthesis failed inside the engine: " + e.Message);
        }
        finally
        {
            _running.TryRemove(task, out _);
            _scheduler.Finished(task, 0);
            _wake.Set();
        }
    }

    /// <summary>Stops taking tasks, cancels the syntheses that run and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
