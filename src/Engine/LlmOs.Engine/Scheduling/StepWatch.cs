using System.Collections.Concurrent;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// When a worker's native calls (a decode step, an embedding or classification run, a recognition) began, while they
/// run: what tells a worker that is slow from one that is stuck. Several calls may run at once (OCR); the oldest counts.
/// Loads are not steps: their time grows with the model and the disk, not with a hang.
/// </summary>
internal sealed class StepWatch(string worker, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, long> _running = new();
    private long _next;

    /// <summary>Whose steps these are: a model's name, or <see cref="Tasks.TaskRecord.OcrModelName"/>.</summary>
    public string Worker { get; } = worker;

    /// <summary>Marks a step as running until the returned value is disposed.</summary>
    public Step Begin()
    {
        long id = Interlocked.Increment(ref _next);
        _running[id] = time.GetTimestamp();
        return new Step(this, id);
    }

    /// <summary>How long the oldest step still running has run; null when none runs.</summary>
    public TimeSpan? Longest()
    {
        long? oldest = null;
        foreach (var started in _running.Values)
        {
            oldest = oldest is { } o && o <= started ? o : started;
        }

        return oldest is { } at ? time.GetElapsedTime(at) : null;
    }

    private void End(long id) => _running.TryRemove(id, out _);

    /// <summary>One running step; disposing it ends it.</summary>
    public readonly struct Step(StepWatch watch, long id) : IDisposable
    {
        public void Dispose() => watch.End(id);
    }
}
