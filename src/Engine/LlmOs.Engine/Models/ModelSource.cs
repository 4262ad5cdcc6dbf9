namespace LlmOs.Engine.Models;

/// <summary>How the registry learned of a model; a configured name wins over an added one, which wins over a file found in the models folder.</summary>
public enum ModelSource
{
    ModelsDirectory,
    Added,
    Configured,
}
