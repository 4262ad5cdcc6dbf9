namespace LlmOs.Daemon.Configuration;

/// <summary>A model named in the configuration file.</summary>
public sealed class ModelSetting
{
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    public bool Default { get; set; }
}
