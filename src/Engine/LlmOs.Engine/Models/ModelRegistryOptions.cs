namespace LlmOs.Engine.Models;

public sealed class ModelRegistryOptions
{
    /// <summary>Folder scanned for model files (<c>&lt;data-dir&gt;/models</c>).</summary>
    public required string ModelsDirectory { get; init; }

    /// <summary>Where added models are remembered across restarts.</summary>
    public required string StateFile { get; init; }

    public IReadOnlyList<ModelDeclaration> Configured { get; init; } = [];

    /// <summary>Models the backends bring with them (<see cref="ModelSource.Builtin"/>); listed first, so a file of the same name wins.</summary>
    public IReadOnlyList<ModelEntry> Builtin { get; init; } = [];

    /// <summary>Name of the default model from configuration, if any.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>How long a scan of the models folder is reused before the folder is read again.</summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(2);
}
