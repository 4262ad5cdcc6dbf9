namespace LlmOs.Engine.Tasks;

/// <summary>What a task does; the wire names are the lower-case words.</summary>
public enum TaskKind
{
    Generate,
    Embed,
}
