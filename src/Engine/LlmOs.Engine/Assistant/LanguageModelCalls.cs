using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Assistant;

/// <summary>
/// How skills and the language-model recogniser ask the default LLM: as an ordinary generation task of the
/// caller's uid, so it shares the loaded model, its queue and the caller's fair share with everything else.
/// </summary>
public sealed class LanguageModelCalls(Scheduler scheduler, ModelRegistry registry)
{
    /// <summary>The scheduler these calls queue on; skills that queue other work for the caller (images) use it too.</summary>
    public Scheduler Scheduler => scheduler;

    /// <summary>The default text model's name, or null when none is installed (or none is the default).</summary>
    public string? DefaultModel
    {
        get
        {
            try
            {
                return registry.Resolve(null).Name;
            }
            catch (EngineException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Renders <paramref name="turns"/> with the default model's chat template, generates, and returns the text.
    /// Cancelling cancels the generation. Throws <see cref="EngineException"/> when there is no model or the
    /// generation failed; <paramref name="onText"/> sees each piece of text as it comes.
    /// </summary>
    public async Task<string> ChatAsync(uint callerUid, IReadOnlyList<ChatTurn> turns, GenerationOptions options, CancellationToken cancellationToken, Action<string>? onText = null)
    {
        var (model, prompt) = scheduler.RenderChat(null, turns);
        var task = scheduler.SubmitGenerate(new TaskSubmission(callerUid, prompt, model, options));
        using var cancel = cancellationToken.Register(() => scheduler.Cancel(task));
        if (onText is not null)
        {
            await ForwardTextAsync(task, onText).ConfigureAwait(false);
        }

        await task.Finished.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return task.State == TaskState.Completed && task.Result is { } result
            ? result.Text
            : throw new EngineException(task.Error?.Kind ?? ErrorKind.Internal, $"the language model failed: {task.Error?.Message}");
    }

    private static async Task ForwardTextAsync(TaskRecord task, Action<string> onText)
    {
        var batch = new List<TaskEvent>();
        int seen = 0;
        while (true)
        {
            batch.Clear();
            task.Events.CopyFrom(seen, batch);
            seen += batch.Count;
            foreach (var e in batch)
            {
                if (e.Kind == TaskEventKind.Delta && e.Text is { } text)
                {
                    onText(text);
                }

                if (e.IsFinal)
                {
                    return;
                }
            }

            if (!await task.Events.WaitForMoreAsync(seen, CancellationToken.None).ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
