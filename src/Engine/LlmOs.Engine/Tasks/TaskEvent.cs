namespace LlmOs.Engine.Tasks;

/// <summary>One entry of a task's history; <see cref="Text"/> is the new text of a delta.</summary>
public readonly record struct TaskEvent(TaskEventKind Kind, string? Text = null)
{
    public bool IsFinal => Kind is TaskEventKind.Completed or TaskEventKind.Failed or TaskEventKind.Cancelled;
}
