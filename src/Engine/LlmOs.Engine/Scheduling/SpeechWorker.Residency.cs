using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Scheduling;

/// <summary>The Whisper model's place in the memory budget: reserve before loading, unload when idle too long or evicted.</summary>
internal sealed partial class SpeechWorker : IEvictable
{
    /// <summary>What whisper.cpp takes beside its weights while it decodes (KV caches, mel and compute buffers), reserved before loading.</summary>
    private const long WorkingBytes = 128L << 20;

    private readonly Residency _residency;
    private readonly TimeProvider _time;
    private readonly TimeSpan _keepAlive;
    private readonly IdleClock _clock;
    private volatile bool _evictionRequested;

    public string Name => _entry.Name;

    public long LastUsedTimestamp => _clock.LastUsedTimestamp;

    public bool IsIdle => State == ModelWorkerState.Loaded && Volatile.Read(ref _active) == 0 && !_scheduler.HasWaiting(Name);

    /// <summary>When the idle model will be unloaded; null while it works, or when models are kept loaded.</summary>
    public DateTimeOffset? ExpiresAt => State == ModelWorkerState.Loaded && Volatile.Read(ref _active) == 0 ? _clock.ExpiresAt(_keepAlive) : null;

    public void RequestEviction()
    {
        _evictionRequested = true;
        _wake.Set();
    }

    /// <summary>Reserves memory, loads the model and puts its own memory figure in place of the estimate; a failed load releases the reservation.</summary>
    private async Task<ITranscriptionModel> LoadAsync()
    {
        State = ModelWorkerState.Loading;
        long started = TimeProvider.System.GetTimestamp();
        ITranscriptionModel model;
        try
        {
            await _residency.ReserveAsync(this, _entry.SizeBytes + WorkingBytes, () => true, _stopping.Token).ConfigureAwait(false);
            model = await _backend.LoadAsync(_entry, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not EngineException)
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            SpeechLog.ModelLoadFailed(_logger, e, _entry.Name);
            throw new EngineException(ErrorKind.ModelInvalid, $"model '{_entry.Name}' failed to load: {e.Message}");
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
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
        if (model.SizeBytes > 0)
        {
            _residency.Resize(this, model.SizeBytes);
        }

        var took = TimeProvider.System.GetElapsedTime(started);
        _loadedAt = _time.GetUtcNow();
        State = ModelWorkerState.Loaded;
        _metrics.ModelLoaded(_entry.Name, took);
        SpeechLog.ModelLoaded(_logger, _entry.Name, took.TotalMilliseconds, _residency.ReservedBy(this) >> 20);
        return model;
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

    /// <summary>Stops taking tasks, cancels the transcription that runs, waits for the loop to end, and unloads the model.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await UnloadAsync("shutdown").ConfigureAwait(false);
        _stopping.Dispose();
    }
}
