using LlmOs.Engine.Errors;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Scheduling;

/// <summary>
/// The memory manager for models: every load first reserves its estimated size against the budget. When the
/// budget is short, the least recently used idle model is evicted; when nothing can be evicted the load waits
/// (its tasks stay queued) until memory is released.
/// </summary>
internal sealed class Residency(long budgetBytes, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private readonly Dictionary<IEvictable, long> _reserved = [];
    private readonly WakeSignal _released = new();

    public long BudgetBytes => budgetBytes;

    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _reserved.Values.Sum();
            }
        }
    }

    public long ReservedBy(IEvictable model)
    {
        lock (_gate)
        {
            return _reserved.GetValueOrDefault(model);
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/> for <paramref name="model"/>, evicting idle models as needed. Returns false when
    /// <paramref name="stillWanted"/> turns false while it waits (every task that wanted the model went away).
    /// </summary>
    public async Task<bool> ReserveAsync(IEvictable model, long bytes, Func<bool> stillWanted, CancellationToken cancellationToken)
    {
        if (bytes > budgetBytes)
        {
            throw new EngineException(ErrorKind.TooLarge, $"model '{model.Name}' needs about {Mib(bytes)} MiB; the memory budget is {Mib(budgetBytes)} MiB");
        }

        bool waitedLogged = false;
        while (true)
        {
            _released.Reset();
            IEvictable? victim;
            lock (_gate)
            {
                long free = budgetBytes - _reserved.Values.Sum();
                if (bytes <= free)
                {
                    _reserved[model] = bytes;
                    return true;
                }

                victim = _reserved.Keys.Where(m => m != model && m.IsIdle).MinBy(m => m.LastUsedTimestamp);
            }

            if (!stillWanted())
            {
                return false;
            }

            if (victim is not null)
            {
                SchedulingLog.Evicting(logger, victim.Name, model.Name);
                victim.RequestEviction();
            }
            else if (!waitedLogged)
            {
                SchedulingLog.WaitingForMemory(logger, model.Name, Mib(bytes));
                waitedLogged = true;
            }

            await _released.WaitAsync(Recheck, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Called when a model becomes idle: a load waiting for memory may now evict it.</summary>
    public void BecameIdle() => _released.Set();

    /// <summary>
    /// Replaces a loaded model's reservation with what it says it really takes. The model is in memory already, so this
    /// never waits; a larger figure only makes the next loads evict sooner.
    /// </summary>
    public void Resize(IEvictable model, long bytes)
    {
        lock (_gate)
        {
            if (_reserved.ContainsKey(model))
            {
                _reserved[model] = bytes;
            }
        }

        _released.Set();
    }

    public void Release(IEvictable model)
    {
        lock (_gate)
        {
            _reserved.Remove(model);
        }

        _released.Set();
    }

    private static long Mib(long bytes) => bytes >> 20;
}
