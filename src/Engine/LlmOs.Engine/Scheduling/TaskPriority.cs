namespace LlmOs.Engine.Scheduling;

/// <summary>Interactive work (someone is waiting for it) is always served ahead of background work.</summary>
public enum TaskPriority
{
    Interactive,
    Background,
}
