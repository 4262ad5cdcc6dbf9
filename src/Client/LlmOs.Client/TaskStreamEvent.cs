using LlmOs.Ipc.Tasks;

namespace LlmOs.Client;

/// <summary>One event of a task stream: its name (<c>queued</c>, <c>started</c>, <c>delta</c>, …) and its data.</summary>
public sealed record TaskStreamEvent(string Name, TaskEventData Data)
{
    public bool IsFinal => TaskEventNames.IsFinal(Name);
}
