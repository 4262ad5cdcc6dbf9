using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

internal sealed partial class EmbeddingWorker
{
    /// <summary>
    /// Runs the texts of several tasks as one model call and splits the vectors back. A task cancelled
    /// meanwhile ends at once (its vectors are dropped); the call itself stops only when every task is
    /// cancelled. Returns false when the call failed, so that the caller runs each task alone and one
    /// task's bad input cannot fail the others.
    /// </summary>
    private async Task<bool> EmbedTogetherAsync(IEmbeddingModel model, List<TaskRecord> batch, int textCount)
    {
        var texts = new List<string>(textCount);
        batch.ForEach(t => texts.AddRange(t.Inputs));

        using var batchCancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        int live = batch.Count;
        var registrations = new List<CancellationTokenRegistration>(batch.Count);
        try
        {
            foreach (var task in batch)
            {
                registrations.Add(task.CancellationToken.Register(() =>
                {
                    task.MarkCancelled();
                    if (Interlocked.Decrement(ref live) == 0)
                    {
                        batchCancel.Cancel();
                    }
                }));
            }

            long started = TimeProvider.System.GetTimestamp();
            EmbeddingResult result;
            using (Steps.Begin())
            {
                result = await model.EmbedAsync(texts, batchCancel.Token).ConfigureAwait(false);
            }

            if (result.Vectors.Count != texts.Count)
            {
                throw new InvalidOperationException($"the model returned {result.Vectors.Count} vectors for {texts.Count} texts");
            }

            EmbeddingLog.Batched(_logger, texts.Count, batch.Count, _entry.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            Split(batch, result);
            return true;
        }
        catch (OperationCanceledException) when (batchCancel.IsCancellationRequested)
        {
            batch.ForEach(t => t.MarkCancelled());
            return true;
        }
        catch (Exception e)
        {
            EmbeddingLog.BatchSplit(_logger, batch.Count, _entry.Name, e.Message);
            return false;
        }
        finally
        {
            // Disposing a registration waits for its callback, so none can touch batchCancel once it is disposed.
            registrations.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Runs one task by itself: its own cancellation stops the model call, and a failure is only its own.</summary>
    private async Task EmbedAloneAsync(IEmbeddingModel model, TaskRecord task)
    {
        if (task.IsFinished)
        {
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(task.CancellationToken, _stopping.Token);
        try
        {
            long started = TimeProvider.System.GetTimestamp();
            EmbeddingResult result;
            using (Steps.Begin())
            {
                result = await model.EmbedAsync(task.Inputs, cancel.Token).ConfigureAwait(false);
            }

            if (result.Vectors.Count != task.Inputs.Count)
            {
                throw new InvalidOperationException($"the model returned {result.Vectors.Count} vectors for {task.Inputs.Count} texts");
            }

            EmbeddingLog.Batched(_logger, task.Inputs.Count, 1, _entry.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            task.CompleteEmbeddings(result);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            task.MarkCancelled();
        }
        catch (EngineException e)
        {
            task.Fail(e.Kind, e.Message);
        }
        catch (Exception e)
        {
            EmbeddingLog.TaskFailed(_logger, e, task.Id, _entry.Name);
            task.Fail(ErrorKind.Internal, "embedding failed inside the engine: " + e.Message);
        }
    }

    /// <summary>Gives each task its slice of the batch's vectors and its own token count.</summary>
    private static void Split(List<TaskRecord> batch, EmbeddingResult result)
    {
        int offset = 0;
        int total = result.Vectors.Count;
        foreach (var task in batch)
        {
            int count = task.Inputs.Count;
            var vectors = new float[count][];
            int[]? counts = result.TokenCounts is null ? null : new int[count];
            for (int i = 0; i < count; i++)
            {
                vectors[i] = result.Vectors[offset + i];
                if (counts is not null)
                {
                    counts[i] = result.TokenCounts![offset + i];
                }
            }

            // A model that does not count per text: share its total by the number of texts.
            int tokens = counts?.Sum() ?? (int)((long)result.Tokens * (offset + count) / total - (long)result.Tokens * offset / total);
            task.CompleteEmbeddings(new EmbeddingResult(vectors, tokens) { TokenCounts = counts });
            offset += count;
        }
    }
}
