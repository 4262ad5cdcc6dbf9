using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Scheduling;

/// <summary>The classifier's place in the memory budget: reserve before loading, unload when idle too long or evicted.</summary>
internal sealed partial class VisionWorker : IEvictable
{
    private readonly Residency _residency;
    private readonly TimeProvider _time;
    private readonly TimeSpan _keepAlive;
    private readonly IdleClock _clock;
    private volatile bool _evictionRequested;

    public string Name => _entry.Name;

    public long LastUsedTimestamp => _clock.LastUsedTimestamp;

    public bool IsIdle => State == ModelWorkerState.Loaded && Volatile.Read(ref _activeImages) == 0 && !_scheduler.HasWaiting(Name);

    /// <summary>When the idle model will be unloaded; null while it works, or when models are kept loaded.</summary>
    public DateTimeOffset? ExpiresAt => State == ModelWorkerState.Loaded && Volatile.Read(ref _activeImages) == 0 ? _clock.ExpiresAt(_keepAlive) : null;

    public void RequestEviction()
    {
        _evictionRequested = true;
        _wake.Set();
    }

    /// <summary>Reserves memory, loads the classifier and puts its own memory figure in place of the estimate; a failed load releases the reservation.</summary>
    private async Task<IImageClassifier> LoadAsync()
    {
        State = ModelWorkerState.Loading;
        long started = TimeProvider.System.GetTimestamp();
        IImageClassifier model;
        try
        {
            await ReserveAsync().ConfigureAwait(false);
            model = await _backend.LoadAsync(_entry, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not EngineException)
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            VisionLog.ModelLoadFailed(_logger, e, _entry.Name);
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{_entry.Name}' failed to load: {e.Message}");
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            // A backend that gives up by itself is a failed load, not a shutdown.
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{_entry.Name}' failed to load: the backend gave up");
        }
        catch
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            throw;
        }

        _model = model;
        Resize(model.MemoryBytes);
        var took = TimeProvider.System.GetElapsedTime(started);
        _loadedAt = _time.GetUtcNow();
        State = ModelWorkerState.Loaded;
        _metrics.ModelLoaded(_entry.Name, took);
        VisionLog.ModelLoaded(_logger, _entry.Name, took.TotalMilliseconds, _residency.ReservedBy(this) >> 20);
        return model;
    }

    /// <summary>
    /// Reserves, before loading, what the classifier may take: the ONNX file's weights as ONNX Runtime holds them (up
    /// to four times an int8 file, once dequantised) and the working memory of a full batch of
    /// <see cref="MaxBatchImages"/> images (activations of a 224-pixel ImageNet network, about 64 MiB). Once loaded,
    /// the classifier's own figure (<see cref="Vision.IImageClassifier.MemoryBytes"/>) replaces the estimate.
    /// </summary>
    private Task<bool> ReserveAsync() =>
        _residency.ReserveAsync(this, (_entry.SizeBytes * 4) + (64L << 20), () => true, _stopping.Token);

    /// <summary>Puts the loaded classifier's own figure in place of the estimate (a figure of zero or less says nothing, and is ignored).</summary>
    private void Resize(long memoryBytes)
    {
        if (memoryBytes > 0)
        {
            _residency.Resize(this, memoryBytes);
        }
    }

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
            State = ModelWorkerState.Unloaded;
            await model.DisposeAsync().ConfigureAwait(false);
            _residency.Release(this);
            SchedulingLog.Unloaded(_logger, Name, reason);
        }

        State = ModelWorkerState.Unloaded;
        _evictionRequested = false;
    }

    private void Touch() => _clock.Touch();
}
