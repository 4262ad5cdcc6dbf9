namespace LlmOs.Engine.Tasks;

/// <summary>What happened to a task. Exactly one of the last three ends every task.</summary>
public enum TaskEventKind
{
    Queued,
    Started,
    Delta,
    Completed,
    Failed,
    Cancelled,
}
