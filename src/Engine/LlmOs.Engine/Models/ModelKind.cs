namespace LlmOs.Engine.Models;

/// <summary>What kind of work a model does. Only text generation exists so far.</summary>
public enum ModelKind
{
    Text,
}
