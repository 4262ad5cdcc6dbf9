using System.Diagnostics;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;

namespace LlmOs.Engine.Understanding.Semantic;

public sealed partial class SemanticRecognizer
{
    /// <summary>Chunks of one interactive build sent at once; a background build sends one at a time.</summary>
    private const int InteractiveChunksAtOnce = 4;

    /// <summary>
    /// The unit vector of each text under <paramref name="model"/>: cached or in-flight ones are joined, the rest
    /// embedded as tasks of at most one worker batch each, as the uid of the text (<paramref name="uids"/>, or 0 for all
    /// when null). Each chunk is claimed just before it is sent, so that a caller in more of a hurry can claim the rest.
    /// </summary>
    private async Task<float[][]> VectorsOfAsync(EmbeddingModelKey model, List<string> texts, List<uint>? uids, bool pin, TaskPriority priority)
    {
        var vectors = new Task<float[]>[texts.Count];
        var chunks = Enumerable.Range(0, texts.Count)
            .GroupBy(i => uids?[i] ?? 0)
            .SelectMany(owner => owner.Chunk(EmbeddingWorker.MaxBatchTexts).Select(rows => (Uid: owner.Key, Rows: rows)))
            .ToList();
        long started = Stopwatch.GetTimestamp();
        int embedded = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = priority == TaskPriority.Background ? 1 : InteractiveChunksAtOnce };
        await Parallel.ForEachAsync(chunks, options, async (chunk, _) =>
        {
            var claimed = new List<(string Text, TaskCompletionSource<float[]> Source)>();
            var found = _cache.Claim(model, [.. chunk.Rows.Select(i => texts[i])], pin, claimed);
            for (int j = 0; j < chunk.Rows.Length; j++)
            {
                vectors[chunk.Rows[j]] = found[j];
            }

            if (claimed.Count > 0 && await EmbedClaimedAsync(model, chunk.Uid, claimed, priority).ConfigureAwait(false))
            {
                Interlocked.Add(ref embedded, claimed.Count);
            }
        }).ConfigureAwait(false);

        var result = await Task.WhenAll(vectors).ConfigureAwait(false);
        if (embedded > 0)
        {
            SemanticLog.ExamplesEmbedded(_logger, embedded, texts.Count - embedded, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return result;
    }

    /// <summary>Embeds the texts claimed and completes their vectors; on failure fails them and lets them go, so the next caller tries again.</summary>
    private async Task<bool> EmbedClaimedAsync(EmbeddingModelKey model, uint uid, List<(string Text, TaskCompletionSource<float[]> Source)> claimed, TaskPriority priority)
    {
        try
        {
            var (used, vectors) = await EmbedAsync(uid, [.. claimed.Select(c => c.Text)], model.Name, priority, CancellationToken.None).ConfigureAwait(false);
            if (used != model)
            {
                throw new EngineException(ErrorKind.Internal, $"embedding model '{model.Name}' now gives vectors of {used.Dimensions} dimensions, not {model.Dimensions}");
            }

            Interlocked.Add(ref _examplesEmbedded, claimed.Count);
            for (int i = 0; i < claimed.Count; i++)
            {
                claimed[i].Source.TrySetResult(vectors[i]);
            }

            return true;
        }
        catch (Exception e)
        {
            foreach (var (text, source) in claimed)
            {
                _cache.Forget(model, text, source.Task);
                source.TrySetException(e);
            }

            return false;
        }
    }
}
