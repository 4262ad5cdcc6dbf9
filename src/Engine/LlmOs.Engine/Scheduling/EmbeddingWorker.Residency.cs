namespace LlmOs.Engine.Scheduling;

/// <summary>The embedding model's place in the memory budget: reserve before loading, unload when idle too long or evicted.</summary>
internal sealed partial class EmbeddingWorker : IEvictable
{
    private readonly Residency _residency;
    private readonly TimeProvider _time;
    private readonly TimeSpan _keepAlive;
    private readonly IdleClock _clock;
    private volatile bool _evictionRequested;

    public string Name => _entry.Name;

    public long LastUsedTimestamp => _clock.LastUsedTimestamp;

    public bool IsIdle => State == ModelWorkerState.Loaded && Volatile.Read(ref _activeTexts) == 0 && !_scheduler.HasWaiting(Name);

    /// <summary>When the idle model will be unloaded; null while it works, or when models are kept loaded.</summary>
    public DateTimeOffset? ExpiresAt => State == ModelWorkerState.Loaded && Volatile.Read(ref _activeTexts) == 0 ? _clock.ExpiresAt(_keepAlive) : null;

    public void RequestEviction()
    {
        _evictionRequested = true;
        _wake.Set();
    }

    /// <summary>
    /// Reserves what the loaded model will take: the ONNX file's weights as ONNX Runtime holds them plus
    /// its working memory (about 1.4 times the file and 128 MiB, as measured with the built-in MiniLM).
    /// </summary>
    private Task<bool> ReserveAsync() =>
        _residency.ReserveAsync(this, (_entry.SizeBytes * 14 / 10) + (128L << 20), () => true, _stopping.Token);

    /// <summary>Unloads the idle model when its keep-alive has run out or it was evicted; true when it did.</summary>
    private async Task<bool> UnloadIfDueAsync()
    {
        if (_model is null || _scheduler.HasWaiting(Name))
        {
            _evictionRequested = false;
            return false;
        }

        if (_evictionRequested || ExpiresAt <= _time.GetUtcNow())
        {
            await UnloadAsync(_evictionRequested ? "evicted" : "keep-alive expired").ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task UnloadAsync(string reason)
    {
        if (_model is { } model)
        {
            _model = null;
            await model.DisposeAsync().ConfigureAwait(false);
            _residency.Release(this);
            SchedulingLog.Unloaded(_logger, Name, reason);
        }

        State = ModelWorkerState.Unloaded;
        _evictionRequested = false;
    }

    private void Touch() => _clock.Touch();
}
