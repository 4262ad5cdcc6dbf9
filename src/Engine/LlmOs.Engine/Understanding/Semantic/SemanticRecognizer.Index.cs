using System.Diagnostics;
using System.Runtime.CompilerServices;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding.Semantic;

public sealed partial class SemanticRecognizer
{
    /// <summary>Example vectors kept across catalogs; a few hundred built-ins plus the apps' examples fit many times over.</summary>
    public const int CachedExamples = 8192;

    private readonly ExampleVectorCache _cache = new(CachedExamples);
    private readonly ConditionalWeakTable<IntentCatalog, Task<SemanticIndex>> _indexes = [];
    private readonly Lock _indexesGate = new();

    /// <summary>How many example sentences this recogniser has sent to the embedding model so far.</summary>
    public long ExamplesEmbedded => Interlocked.Read(ref _examplesEmbedded);

    private long _examplesEmbedded;

    /// <summary>
    /// The index of a catalog: built once per catalog instance and shared by concurrent callers (a caller who
    /// gives up does not cancel it). A build that failed is forgotten, so a model installed later is used.
    /// </summary>
    private Task<SemanticIndex> IndexAsync(IntentCatalog catalog, TaskPriority priority)
    {
        lock (_indexesGate)
        {
            if (_indexes.TryGetValue(catalog, out var existing) && !existing.IsFaulted && !existing.IsCanceled)
            {
                return existing;
            }

            var build = BuildAsync(catalog, priority);
            _indexes.AddOrUpdate(catalog, build);
            return build;
        }
    }

    private async Task<SemanticIndex> BuildAsync(IntentCatalog catalog, TaskPriority priority)
    {
        await Task.Yield(); // the caller holds the lock: the work starts after it has let go
        var intents = new List<string>();
        var intentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        var owners = new List<int>();
        var seen = new HashSet<(int, string)>();
        foreach (var intent in catalog.Intents)
        {
            if (!intentIndex.TryGetValue(intent.Name, out int owner))
            {
                owner = intents.Count;
                intentIndex[intent.Name] = owner;
                intents.Add(intent.Name);
            }

            foreach (string example in intent.Examples)
            {
                string text = example.Trim();
                if (text.Length > 0 && seen.Add((owner, text)))
                {
                    examples.Add(text);
                    owners.Add(owner);
                }
            }
        }

        var vectors = await VectorsOfAsync(examples, priority).ConfigureAwait(false);
        int dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        float[] matrix = new float[examples.Count * dimensions];
        for (int row = 0; row < vectors.Count; row++)
        {
            vectors[row].CopyTo(matrix.AsSpan(row * dimensions, dimensions));
        }

        return new SemanticIndex(intents, examples, [.. owners], matrix, dimensions);
    }

    /// <summary>The unit vector of each text: cached ones from the cache, the rest embedded as user 0's tasks.</summary>
    private async Task<List<float[]>> VectorsOfAsync(List<string> texts, TaskPriority priority)
    {
        var resolved = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string text in texts)
        {
            if (resolved.ContainsKey(text))
            {
                continue;
            }

            if (_cache.TryGet(text, out var cached))
            {
                resolved[text] = cached;
            }
            else
            {
                resolved[text] = [];
                missing.Add(text);
            }
        }

        if (missing.Count > 0)
        {
            long started = Stopwatch.GetTimestamp();

            // Tasks of at most one worker batch each, all queued at once: the model runs them back to back, and an
            // utterance (another uid in the fair queue) gets its turn between two of them instead of after all.
            var chunks = missing.Chunk(EmbeddingWorker.MaxBatchTexts).ToList();
            var results = await Task.WhenAll(chunks.Select(chunk => EmbedAsync(0, chunk, priority, CancellationToken.None))).ConfigureAwait(false);
            for (int i = 0; i < chunks.Count; i++)
            {
                _cache.AddRange(chunks[i], results[i]);
                for (int j = 0; j < chunks[i].Length; j++)
                {
                    resolved[chunks[i][j]] = results[i][j];
                }
            }

            Interlocked.Add(ref _examplesEmbedded, missing.Count);
            SemanticLog.ExamplesEmbedded(_logger, missing.Count, resolved.Count - missing.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return [.. texts.Select(t => resolved[t])];
    }
}
