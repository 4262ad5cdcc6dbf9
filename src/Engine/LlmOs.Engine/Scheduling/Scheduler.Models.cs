using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    public long MemoryBudgetBytes => _residency.BudgetBytes;

    public long MemoryReservedBytes => _residency.UsedBytes;

    /// <summary>The models in memory or being loaded, with what they hold and serve.</summary>
    public IReadOnlyList<ResidentModel> Resident() =>
        [.. _workers.Values.Select(w => w.Describe()).Concat(_embeddingWorkers.Values.Select(w => w.Describe())).Concat(VisionResident()).Concat(SpeechResident()).OfType<ResidentModel>()
            .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>Loads a text model now (waiting for memory if need be) and keeps it for <paramref name="keepAlive"/>.</summary>
    public async Task<ResidentModel> LoadModelAsync(string name, TimeSpan? keepAlive, CancellationToken cancellationToken)
    {
        var entry = TextModelNamed(name);
        var worker = WorkerFor(entry);
        await worker.LoadAsync(keepAlive, cancellationToken).ConfigureAwait(false);
        return worker.Describe() ?? throw new EngineException(ErrorKind.Busy, $"model '{name}' was unloaded again at once", retryAfter: TimeSpan.FromSeconds(1));
    }

    /// <summary>Unloads a model as soon as nothing runs on it or waits for it. False when it was not loaded.</summary>
    public async Task<bool> UnloadModelAsync(string name, CancellationToken cancellationToken)
    {
        var entry = TextModelNamed(name);
        if (!_workers.TryGetValue(entry.Name, out var worker) || worker.State == ModelWorkerState.Unloaded)
        {
            return false;
        }

        await worker.UnloadAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>What one client has waiting, running and generated today, with the limits that apply to it.</summary>
    public ClientUsageSnapshot UsageFor(uint uid)
    {
        lock (_admission)
        {
            var usage = UsageOf(uid);
            return new ClientUsageSnapshot(uid, usage.Queued, usage.Running, usage.TokensToday, _options.DailyTokensPerUid,
                _options.MaxQueuedPerUid, _options.MaxSequencesPerUid, NextMidnight());
        }
    }

    /// <summary>
    /// The text model <paramref name="name"/> names. Only text models are loaded and unloaded by hand: an embedding model
    /// or an image classifier named here is refused with what it is, not as a model that cannot generate text.
    /// </summary>
    private ModelEntry TextModelNamed(string name)
    {
        if (_registry.List().FirstOrDefault(e => e.Name == name) is { Kind: not ModelKind.Text } other)
        {
            throw new EngineException(
                ErrorKind.InvalidInput,
                $"model '{name}' is {ModelRegistry.WhatIs(other.Kind)}, not a text model; it loads on first use and unloads after its keep-alive",
                "model");
        }

        return _registry.Resolve(name);
    }
}
