using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// Runs the OCR tasks, which queue fairly under the model <see cref="TaskRecord.OcrModelName"/>: up to
/// <see cref="SchedulerOptions.OcrConcurrency"/> recognitions at once through the <see cref="IOcrEngine"/>, each
/// cancelled by its own task. Tesseract needs no loading worth scheduling (a handle and its language data, a few
/// tens of MiB, which the engine keeps itself), so OCR takes no part in the memory budget and is not shown in <c>ps</c>.
/// </summary>
internal sealed class OcrWorker : IAsyncDisposable
{
    private readonly WakeSignal _wake = new();
    private readonly IOcrEngine _engine;
    private readonly Scheduler _scheduler;
    private readonly int _concurrency;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TaskRecord, Task> _running = new();
    private readonly Task _loop;

    public OcrWorker(IOcrEngine engine, Scheduler scheduler, SchedulerOptions options, TimeProvider time, ILogger logger)
    {
        _engine = engine;
        _scheduler = scheduler;
        _concurrency = Math.Max(1, options.OcrConcurrency);
        _logger = logger;
        Steps = new StepWatch(TaskRecord.OcrModelName, time);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The recognitions running now, for the scheduler's liveness check.</summary>
    public StepWatch Steps { get; }

    /// <summary>Called by the scheduler after it queued an OCR task, and by a recognition when it ends.</summary>
    public void Wake() => _wake.Set();

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            _wake.Reset();
            while (_running.Count < _concurrency && _scheduler.TryTakeNext(TaskRecord.OcrModelName, out var task))
            {
                // Added before it starts, so that the count above holds it and its end always finds it to remove.
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _running[task] = RecognizeAsync(task, started.Task);
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

    private async Task RecognizeAsync(TaskRecord task, Task registered)
    {
        await registered.ConfigureAwait(false);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(task.CancellationToken, _stopping.Token);
        try
        {
            if (task.Image is not { } image)
            {
                return; // cancelled as it was taken: a finished task has let go of its image
            }

            string language = task.OcrLanguage ?? Scheduler.DefaultOcrLanguage;
            long started = TimeProvider.System.GetTimestamp();

            // On the pool: an engine that recognises synchronously must not hold up the loop that starts the others.
            OcrResult reading;
            using (Steps.Begin())
            {
                reading = await Task.Run(() => _engine.RecognizeAsync(image, language, cancel.Token), cancel.Token).ConfigureAwait(false);
            }

            VisionLog.Recognized(_logger, reading.Text.Length, image.Width, image.Height, language, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            task.CompleteOcr(reading);
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
            VisionLog.OcrFailed(_logger, e, task.Id);
            task.Fail(ErrorKind.Internal, "text recognition failed inside the engine: " + e.Message);
        }
        finally
        {
            _running.TryRemove(task, out _);
            _scheduler.Finished(task, 0);
            _wake.Set();
        }
    }

    /// <summary>Stops taking tasks, cancels the recognitions that run and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
