using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Scheduling;

internal sealed partial class ModelWorker
{
    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                _wake.Reset();
                bool wanted = _scheduler.HasWaiting(Name) || HasLoadRequest();
                if (wanted)
                {
                    if (await EnsureLoadedAsync(stopping).ConfigureAwait(false) && _scheduler.HasWaiting(Name))
                    {
                        bool ran = await Task.Factory.StartNew(RunBatches, stopping, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                        Touch();
                        _residency.BecameIdle();
                        if (!ran)
                        {
                            // Every waiting client is at its sequence limit (running on other models): wait until one of
                            // their tasks ends (the scheduler wakes us) instead of spinning.
                            await _wake.WaitAsync(Timeout.InfiniteTimeSpan, _time, stopping).ConfigureAwait(false);
                        }
                    }

                    continue;
                }

                if (_model is not null && (HasUnloadRequest() || _evictionRequested || ExpiresAt <= _time.GetUtcNow()))
                {
                    await UnloadModelAsync(HasUnloadRequest() ? "asked to" : _evictionRequested ? "evicted" : "keep-alive expired").ConfigureAwait(false);
                    continue;
                }

                if (_model is null)
                {
                    // A request that arrived as the model went: stale. One for a loaded model arrived after the check
                    // above (its wake ends the wait below at once) and must not be dropped, or the load that asked waits a recheck.
                    _evictionRequested = false;
                }

                Complete(_unloadWaiters, null);
                await _wake.WaitAsync(_clock.Until(ExpiresAt), _time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Loads the model unless it is loaded; false when it could not be (its waiting tasks have then been failed).</summary>
    private async Task<bool> EnsureLoadedAsync(CancellationToken stopping)
    {
        if (_model is not null)
        {
            Complete(_loadWaiters, null);
            return true;
        }

        var settings = Plan();
        long started = _time.GetTimestamp();
        State = ModelWorkerState.Loading;
        _settings = settings;
        try
        {
            long need = ModelMemory.Estimate(Entry, settings);
            SchedulingLog.Planned(_logger, Name, settings.Sequences, settings.ContextPerSequence, settings.GpuLayers, need >> 20);
            if (!await _residency.ReserveAsync(this, need, () => _scheduler.HasWaiting(Name) || HasLoadRequest(), stopping).ConfigureAwait(false))
            {
                State = ModelWorkerState.Unloaded;
                return false;
            }

            _model = await _backend.LoadAsync(Entry, settings, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            throw;
        }
        catch (Exception e)
        {
            _residency.Release(this);
            State = ModelWorkerState.Unloaded;
            LoadFailed(e);
            return false;
        }

        _failedLoads = 0;
        State = ModelWorkerState.Loaded;
        LoadedAt = _time.GetUtcNow();
        var took = _time.GetElapsedTime(started);
        _metrics.ModelLoaded(Name, took);
        EngineLog.ModelLoaded(_logger, Name, took.TotalMilliseconds);
        Touch();
        Complete(_loadWaiters, null);
        return true;
    }

    /// <summary>How to load: context and parallelism from configuration (else the model's own context), GPU layers from the GPU budget.</summary>
    private TextModelSettings Plan()
    {
        int trained = Entry.Metadata?.ContextLength ?? SchedulerOptions.DefaultContextPerSequence;
        int context = _options.ContextPerSequence ?? Math.Min(SchedulerOptions.DefaultContextPerSequence, trained);
        if (context > trained)
        {
            SchedulingLog.ContextBeyondTraining(_logger, Name, context, trained);
        }

        int layers = Entry.Metadata?.Shape?.Layers ?? 0;
        int gpuLayers = _backend.SupportsGpuOffload && _options.GpuBudgetBytes > 0
            ? (int)Math.Min(layers + 1, _options.GpuBudgetBytes / Math.Max(1, ModelMemory.PerLayer(Entry)))
            : 0;
        return new TextModelSettings(context, Math.Max(1, _options.ParallelSequences), gpuLayers);
    }

    private void LoadFailed(Exception e)
    {
        var error = e as EngineException
            ?? new EngineException(ErrorKind.ModelInvalid, $"model '{Name}' failed to load: {e.Message}");
        if (e is not EngineException)
        {
            EngineLog.ModelLoadFailed(_logger, e, Name);
        }

        // Back off: a load that failed (often for lack of memory) is not tried again at once.
        var backoff = TimeSpan.FromTicks(Math.Min(_options.LoadBackoffMax.Ticks, _options.LoadBackoff.Ticks << Math.Min(_failedLoads, 16)));
        _failedLoads++;
        RetryAt = _time.GetUtcNow() + backoff;
        SchedulingLog.LoadBackoff(_logger, Name, backoff.TotalSeconds);
        _scheduler.FailWaiting(Name, error);
        Complete(_loadWaiters, error);
    }

    private async Task UnloadModelAsync(string reason)
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
        _keepAlive = _options.KeepAlive;
        Complete(_unloadWaiters, null);
    }

    private void Touch() => _clock.Touch();
}
