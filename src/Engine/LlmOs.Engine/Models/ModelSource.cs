namespace LlmOs.Engine.Models;

/// <summary>How the registry learned of a model; a configured name wins over an added one, which wins over a file found in the models folder.</summary>
public enum ModelSource
{
    ModelsDirectory,
    Added,
    Configured,

    /// <summary>Shipped inside a backend (the MiniLM embedder in its NuGet package): always there, never a file of its own.</summary>
    Builtin,
}
