namespace LlmOs.Engine.Tasks;

/// <summary>What happened to a task. Exactly one of the last three ends every task.</summary>
public enum TaskEventKind
{
    Queued,
    Started,
    Delta,

    /// <summary>A voice task's transcript so far (<see cref="TaskEvent.Text"/>), as the recogniser hears it.</summary>
    Transcript,

    /// <summary>A voice task's recognised intent (<see cref="TaskEvent.Text"/> is its name), before its handler runs.</summary>
    Intent,
    Completed,
    Failed,
    Cancelled,
}
