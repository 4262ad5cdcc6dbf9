namespace LlmOs.Engine.Tasks;

public enum TaskState
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}
