namespace LlmOs.Engine.Understanding.Language;

/// <summary>One day period of a <c>words.yaml</c> (<c>time.periods</c>): its words, meridiem and default hour.</summary>
internal sealed class PeriodYaml
{
    public List<string> Words { get; set; } = [];

    public string? Meridiem { get; set; }

    public int Hour { get; set; }
}
