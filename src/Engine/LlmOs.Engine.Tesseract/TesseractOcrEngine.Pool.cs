using System.Diagnostics;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Tesseract;

/// <summary>
/// The idle instances, per language. Only a holder of the concurrency gate rents one, so a language never has more
/// instances than <see cref="TesseractOptions.MaxConcurrency"/>.
/// </summary>
public sealed partial class TesseractOcrEngine
{
    private readonly Dictionary<string, Stack<TesseractInstance>> _idle = new(StringComparer.Ordinal);
    private readonly Lock _poolLock = new();
    private bool _disposed;

    private bool IsDisposed
    {
        get
        {
            lock (_poolLock)
            {
                return _disposed;
            }
        }
    }

    /// <summary>Frees every idle instance; one still recognising is freed when its call ends. Safe to call twice.</summary>
    public void Dispose()
    {
        var freed = new List<TesseractInstance>();
        lock (_poolLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (Stack<TesseractInstance> instances in _idle.Values)
            {
                freed.AddRange(instances);
            }

            _idle.Clear();
        }

        foreach (TesseractInstance instance in freed)
        {
            instance.Dispose();
        }

        TesseractLog.Disposed(_logger, freed.Count);
    }

    private TesseractInstance Rent(string language)
    {
        lock (_poolLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryGetValue(language, out Stack<TesseractInstance>? instances) && instances.TryPop(out TesseractInstance? idle))
            {
                return idle;
            }
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            TesseractInstance opened = TesseractInstance.Open(_dataPath, language);
            TesseractLog.InstanceOpened(_logger, language, _dataPath, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return opened;
        }
        catch (EngineException e)
        {
            TesseractLog.Failed(_logger, e.Message);
            throw;
        }
    }

    private void Return(TesseractInstance instance)
    {
        lock (_poolLock)
        {
            if (!_disposed)
            {
                if (!_idle.TryGetValue(instance.Language, out Stack<TesseractInstance>? instances))
                {
                    instances = new Stack<TesseractInstance>();
                    _idle[instance.Language] = instances;
                }

                instances.Push(instance);
                return;
            }
        }

        instance.Dispose();
    }
}
