namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>
    /// Whether every worker's current step (if any) has run for at most <paramref name="bound"/>, measured on the
    /// scheduler's clock. Idle workers, waiting tasks and models that load are responsive: only a native call that does
    /// not return counts as a hang. Cheap and lock-free, for a watchdog to call every second or so.
    /// </summary>
    public SchedulerLiveness CheckLiveness(TimeSpan bound)
    {
        var longest = SchedulerLiveness.Idle;
        foreach (var watch in StepWatches())
        {
            if (watch.Longest() is { } running && (longest.Worker is null || running > longest.Running))
            {
                longest = new SchedulerLiveness(true, watch.Worker, running);
            }
        }

        return longest.Running > bound ? longest with { IsResponsive = false } : longest;
    }

    private IEnumerable<StepWatch> StepWatches()
    {
        foreach (var worker in _workers.Values)
        {
            yield return worker.Steps;
        }

        foreach (var worker in _embeddingWorkers.Values)
        {
            yield return worker.Steps;
        }

        foreach (var worker in _visionWorkers.Values)
        {
            yield return worker.Steps;
        }

        if (Volatile.Read(ref _ocrWorker) is { } ocr)
        {
            yield return ocr.Steps;
        }

        foreach (var watch in SpeechStepWatches())
        {
            yield return watch;
        }
    }
}
