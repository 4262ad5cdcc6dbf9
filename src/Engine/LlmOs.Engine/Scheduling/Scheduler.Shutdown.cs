using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler : IAsyncDisposable
{
    /// <summary>
    /// Stops admitting work, cancels what still waits, gives running tasks <paramref name="grace"/>
    /// to finish, cancels the rest, then unloads every model.
    /// </summary>
    public async Task ShutdownAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        lock (_admission)
        {
            _accepting = false;
        }

        var live = _live.Values.ToList();
        foreach (var task in live.Where(t => t.State == TaskState.Queued))
        {
            Cancel(task);
        }

        var running = live.Where(t => t.State == TaskState.Running).ToList();
        if (running.Count > 0)
        {
            EngineLog.ShutdownStarted(_logger, running.Count, grace.TotalSeconds);
            var all = Task.WhenAll(running.Select(t => t.Finished));
            try
            {
                await all.WaitAsync(grace, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                EngineLog.GraceExpired(_logger, running.Count(t => !t.IsFinished));
                running.ForEach(t => Cancel(t));
            }
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_admission)
        {
            _accepting = false;
        }

        foreach (var task in _live.Values)
        {
            Cancel(task);
        }

        foreach (var worker in _workers.Values)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        _workers.Clear();
        await DisposeEmbeddingsAsync().ConfigureAwait(false);
        await DisposeVisionAsync().ConfigureAwait(false);
        await DisposeSpeechAsync().ConfigureAwait(false);
    }
}
