namespace LlmOs.Daemon.Configuration;

/// <summary>A model named in the configuration file.</summary>
public sealed class ModelSetting
{
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    public bool Default { get; set; }

    /// <summary>An image classifier's labels file (<c>.json</c> array or <c>.txt</c>, one per line); null for other models.</summary>
    public string? Labels { get; set; }
}
