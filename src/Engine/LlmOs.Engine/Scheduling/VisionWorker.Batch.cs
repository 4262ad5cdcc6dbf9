using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Scheduling;

internal sealed partial class VisionWorker
{
    /// <summary>
    /// Runs the images of several tasks as one model call for the most labels any of them wants, and gives each task
    /// its own image's labels cut to its own <see cref="TaskRecord.Top"/>. A task cancelled meanwhile ends at once (its
    /// labels are dropped); the call itself stops only when every task is cancelled. Returns false when the call failed,
    /// so that the caller runs each task alone and one task's image cannot fail the others.
    /// </summary>
    private async Task<bool> ClassifyTogetherAsync(IImageClassifier model, List<TaskRecord> batch)
    {
        // A task cancelled since it was taken has let go of its image: it is left out.
        var running = new List<TaskRecord>(batch.Count);
        var images = new List<RgbImage>(batch.Count);
        int top = 1;
        foreach (var task in batch)
        {
            if (task.Image is { } image && !task.IsFinished)
            {
                running.Add(task);
                images.Add(image);
                top = Math.Max(top, task.Top);
            }
        }

        if (running.Count == 0)
        {
            return true;
        }

        using var batchCancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        int live = running.Count;
        var registrations = new List<CancellationTokenRegistration>(running.Count);
        try
        {
            foreach (var task in running)
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
            IReadOnlyList<IReadOnlyList<LabelScore>> results;
            using (Steps.Begin())
            {
                results = await model.ClassifyAsync(images, top, batchCancel.Token).ConfigureAwait(false);
            }

            if (results.Count != images.Count)
            {
                throw new InvalidOperationException($"the model returned {results.Count} answers for {images.Count} images");
            }

            VisionLog.Batched(_logger, images.Count, _entry.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            for (int i = 0; i < running.Count; i++)
            {
                running[i].CompleteClassify(Cut(results[i], running[i].Top));
            }

            return true;
        }
        catch (OperationCanceledException) when (batchCancel.IsCancellationRequested)
        {
            running.ForEach(t => t.MarkCancelled());
            return true;
        }
        catch (Exception e)
        {
            VisionLog.BatchSplit(_logger, running.Count, _entry.Name, e.Message);
            return false;
        }
        finally
        {
            // Disposing a registration waits for its callback, so none can touch batchCancel once it is disposed.
            registrations.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Runs one task by itself: its own cancellation stops the model call, and a failure is only its own.</summary>
    private async Task ClassifyAloneAsync(IImageClassifier model, TaskRecord task)
    {
        if (task.IsFinished || task.Image is not { } image)
        {
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(task.CancellationToken, _stopping.Token);
        try
        {
            long started = TimeProvider.System.GetTimestamp();
            IReadOnlyList<IReadOnlyList<LabelScore>> results;
            using (Steps.Begin())
            {
                results = await model.ClassifyAsync([image], task.Top, cancel.Token).ConfigureAwait(false);
            }

            if (results.Count != 1)
            {
                throw new InvalidOperationException($"the model returned {results.Count} answers for one image");
            }

            VisionLog.Batched(_logger, 1, _entry.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            task.CompleteClassify(Cut(results[0], task.Top));
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
            VisionLog.TaskFailed(_logger, e, task.Id, _entry.Name);
            task.Fail(ErrorKind.Internal, "classification failed inside the engine: " + e.Message);
        }
    }

    /// <summary>The first <paramref name="top"/> labels (the classifier gives them best first); the task keeps its own list.</summary>
    private static LabelScore[] Cut(IReadOnlyList<LabelScore> labels, int top) => [.. labels.Take(top)];
}
