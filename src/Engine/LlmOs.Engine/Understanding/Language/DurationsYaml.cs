namespace LlmOs.Engine.Understanding.Language;

/// <summary>The <c>durations</c> section of a <c>words.yaml</c>: unit words in seconds.</summary>
internal sealed class DurationsYaml
{
    public Dictionary<string, long> Units { get; set; } = [];

    public List<string> Of { get; set; } = [];
}
