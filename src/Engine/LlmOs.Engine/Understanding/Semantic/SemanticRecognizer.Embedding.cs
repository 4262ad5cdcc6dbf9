using System.Numerics.Tensors;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Understanding.Semantic;

public sealed partial class SemanticRecognizer
{
    private int _unavailable; // 1 while the last attempt found no usable embedding model: it is logged once, not per utterance

    /// <summary>
    /// Embeds <paramref name="texts"/> as one task of <paramref name="uid"/> on <paramref name="model"/> (the default
    /// embedding model when null) and returns the model the scheduler used with unit vectors. Cancelling cancels the
    /// task. Throws <see cref="EngineException"/> when there is no embedding backend or model, or the task failed.
    /// </summary>
    private async Task<(EmbeddingModelKey Model, float[][] Vectors)> EmbedAsync(
        uint uid, IReadOnlyList<string> texts, string? model, TaskPriority priority, CancellationToken cancellationToken)
    {
        var task = scheduler.SubmitEmbed(uid, texts, model, priority);
        using (cancellationToken.Register(() => scheduler.Cancel(task)))
        {
            await task.Finished.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (task.State != TaskState.Completed || task.Embeddings is not { } result)
        {
            throw new EngineException(task.Error?.Kind ?? ErrorKind.Cancelled, task.Error?.Message ?? "the embedding task was cancelled");
        }

        var vectors = new float[result.Vectors.Count][];
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Unit(result.Vectors[i]);
            if (vectors[i].Length != vectors[0].Length)
            {
                throw new EngineException(ErrorKind.Internal, $"embedding model '{task.Model}' gave vectors of {vectors[0].Length} and {vectors[i].Length} dimensions");
            }
        }

        return (new EmbeddingModelKey(task.Model, vectors.Length == 0 ? 0 : vectors[0].Length), vectors);
    }

    private void NoteFailure(EngineException e)
    {
        if (e.Kind is ErrorKind.Unsupported or ErrorKind.NeedsModel or ErrorKind.ModelInvalid or ErrorKind.ModelNotFound)
        {
            if (Interlocked.Exchange(ref _unavailable, 1) == 0)
            {
                SemanticLog.Unavailable(_logger, e.Message);
            }
        }
        else
        {
            SemanticLog.EmbeddingFailed(_logger, e.Kind.ToString(), e.Message);
        }
    }

    private void NoteSuccess()
    {
        if (Volatile.Read(ref _unavailable) == 1 && Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            SemanticLog.Available(_logger);
        }
    }

    /// <summary>A copy of <paramref name="vector"/> scaled to unit length (the model's already are; a guard for any other model).</summary>
    private static float[] Unit(float[] vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm is 0 or (> 0.999f and < 1.001f))
        {
            return vector;
        }

        float[] unit = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, unit);
        return unit;
    }
}
