namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// The unit vector of each example sentence under one embedding model, as a task: done, or in flight and joined by
/// whoever needs the same sentence meanwhile, so that no sentence is embedded twice. Asking under another model
/// starts over. Built-in examples are pinned (a few hundred per language); app examples are bounded by
/// <c>capacity</c>: past it the finished ones are dropped, which costs one re-embedding of those still in use.
/// </summary>
internal sealed class ExampleVectorCache(int capacity)
{
    private readonly Dictionary<string, (Task<float[]> Vector, bool Pinned)> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private EmbeddingModelKey _model;
    private int _unpinned;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _vectors.Count;
            }
        }
    }

    /// <summary>
    /// The vector of each text under <paramref name="model"/>: a cached or in-flight one, or a new one that the caller
    /// claims (added to <paramref name="claimed"/>) and must complete, or <see cref="Forget"/> and fail.
    /// </summary>
    public Task<float[]>[] Claim(EmbeddingModelKey model, IReadOnlyList<string> texts, bool pin, List<(string Text, TaskCompletionSource<float[]> Source)> claimed)
    {
        var vectors = new Task<float[]>[texts.Count];
        lock (_gate)
        {
            if (model != _model)
            {
                _vectors.Clear();
                _unpinned = 0;
                _model = model;
            }

            for (int i = 0; i < texts.Count; i++)
            {
                if (_vectors.TryGetValue(texts[i], out var entry))
                {
                    if (pin && !entry.Pinned)
                    {
                        _vectors[texts[i]] = (entry.Vector, true);
                        _unpinned--;
                    }

                    vectors[i] = entry.Vector;
                    continue;
                }

                if (!pin && _unpinned >= capacity)
                {
                    DropFinishedUnpinned();
                }

                var source = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                _vectors[texts[i]] = (source.Task, pin);
                _unpinned += pin ? 0 : 1;
                claimed.Add((texts[i], source));
                vectors[i] = source.Task;
            }
        }

        return vectors;
    }

    /// <summary>Drops a claimed vector that could not be made, so that the next caller tries again.</summary>
    public void Forget(EmbeddingModelKey model, string text, Task<float[]> vector)
    {
        lock (_gate)
        {
            if (model == _model && _vectors.TryGetValue(text, out var entry) && entry.Vector == vector)
            {
                _vectors.Remove(text);
                _unpinned -= entry.Pinned ? 0 : 1;
            }
        }
    }

    private void DropFinishedUnpinned()
    {
        foreach (var (text, entry) in _vectors.ToList())
        {
            if (!entry.Pinned && entry.Vector.IsCompleted)
            {
                _vectors.Remove(text);
                _unpinned--;
            }
        }
    }
}
