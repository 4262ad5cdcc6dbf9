using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Scheduling;

public sealed partial class Scheduler
{
    public long MemoryBudgetBytes => _residency.BudgetBytes;

    public long MemoryReservedBytes => _residency.UsedBytes;

    /// <summary>The models in memory or being loaded, with what they hold and serve.</summary>
    public IReadOnlyList<ResidentModel> Resident() =>
        [.. _workers.Values.Select(w => w.Describe()).Concat(_embeddingWorkers.Values.Select(w => w.Describe())).Concat(VisionResident()).OfType<ResidentModel>()
            .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>Loads a text model now (waiting for memory if need be) and keeps it for <paramref name="keepAlive"/>.</summary>
    public async Task<ResidentModel> LoadModelAsync(string name, TimeSpan? keepAlive, CancellationToken cancellationToken)
    {
        var entry = _registry.Resolve(name);
        RequireText(entry);
        var worker = WorkerFor(entry);
        await worker.LoadAsync(keepAlive, cancellationToken).ConfigureAwait(false);
        return worker.Describe() ?? throw new EngineException(ErrorKind.Busy, $"model '{name}' was unloaded again at once", retryAfter: TimeSpan.FromSeconds(1));
    }

    /// <summary>Unloads a model as soon as nothing runs on it or waits for it. False when it was not loaded.</summary>
    public async Task<bool> UnloadModelAsync(string name, CancellationToken cancellationToken)
    {
        var entry = _registry.Resolve(name);
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

    private static void RequireText(ModelEntry entry)
    {
        if (entry.Kind != ModelKind.Text)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"model '{entry.Name}' is a {entry.Kind.ToString().ToLowerInvariant()} model, not a text model", "model");
        }
    }
}
