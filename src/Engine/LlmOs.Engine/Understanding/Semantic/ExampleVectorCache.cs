namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// The unit vectors of example sentences by their text, so that a new catalog (an app registered an intent)
/// embeds only the sentences no earlier catalog had. Bounded: when it would grow past its capacity it starts
/// over, which costs one re-embedding of the examples still in use; the built indexes keep their own copies.
/// </summary>
internal sealed class ExampleVectorCache(int capacity)
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

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

    public bool TryGet(string text, out float[] vector)
    {
        lock (_gate)
        {
            return _vectors.TryGetValue(text, out vector!);
        }
    }

    public void AddRange(IReadOnlyList<string> texts, IReadOnlyList<float[]> vectors)
    {
        lock (_gate)
        {
            if (_vectors.Count + texts.Count > capacity)
            {
                _vectors.Clear();
            }

            for (int i = 0; i < texts.Count && _vectors.Count < capacity; i++)
            {
                _vectors[texts[i]] = vectors[i];
            }
        }
    }
}
