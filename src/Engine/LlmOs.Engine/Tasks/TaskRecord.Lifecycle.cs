using LlmOs.Engine.Assistant;
using LlmOs.Engine.Embeddings;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tasks;

/// <summary>The task's state changes: start, text, completion, failure and cancellation, each under the task's lock.</summary>
public sealed partial class TaskRecord
{
    /// <summary>Queued → running. False when the task was cancelled while it waited.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (State != TaskState.Queued)
            {
                return false;
            }

            State = TaskState.Running;
            StartedAt = _time.GetUtcNow();
            Events.Append(new TaskEvent(TaskEventKind.Started));
            return true;
        }
    }

    /// <summary>Adds generated text. Called per token: appends, nothing more.</summary>
    public void AppendText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _text.Append(text);
            Events.Append(new TaskEvent(TaskEventKind.Delta, text));
        }
    }

    public void Complete(int tokens, FinishReason reason, int promptTokens = 0) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Result = new GenerationResult(_text.ToString(), tokens, reason) { PromptTokens = promptTokens });

    public void CompleteEmbeddings(EmbeddingResult result) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Embeddings = result);

    public void CompleteIntent(IntentReply reply) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Reply = reply);

    public void CompleteAsk(AskResult answer) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Answer = answer);

    public void CompleteClassify(IReadOnlyList<LabelScore> labels) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Labels = labels);

    public void CompleteOcr(OcrResult reading) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Reading = reading);

    public void Fail(ErrorKind kind, string message) =>
        Finish(TaskState.Failed, TaskEventKind.Failed, () => Error = new TaskError(kind, message));

    public void MarkCancelled() =>
        Finish(TaskState.Cancelled, TaskEventKind.Cancelled, () => Error = new TaskError(ErrorKind.Cancelled, "the task was cancelled"));

    /// <summary>
    /// Asks the task to stop. A queued task ends at once (returns <see cref="TaskState.Queued"/>, its former state);
    /// a running one is signalled and ends within one token.
    /// </summary>
    public TaskState RequestCancel()
    {
        TaskState before;
        lock (_gate)
        {
            before = State;
            if (before == TaskState.Queued)
            {
                MarkCancelled();
            }
        }

        if (before is TaskState.Queued or TaskState.Running)
        {
            _cancellation.Cancel();
        }

        return before;
    }

    private void Finish(TaskState state, TaskEventKind kind, Action record)
    {
        lock (_gate)
        {
            if (IsFinished)
            {
                return;
            }

            record();
            Image = null;
            Clip = null;
            if (Question is { Image: not null } question)
            {
                Question = question with { Image = null };
            }

            State = state;
            FinishedAt = _time.GetUtcNow();
            Events.Append(new TaskEvent(kind));
        }

        _finished.TrySetResult();
    }
}
