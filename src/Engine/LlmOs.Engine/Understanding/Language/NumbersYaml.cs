namespace LlmOs.Engine.Understanding.Language;

/// <summary>The <c>numbers</c> section of a <c>words.yaml</c>: number words, scales, fractions, ordinals.</summary>
internal sealed class NumbersYaml
{
    public Dictionary<string, long> Words { get; set; } = [];

    public Dictionary<string, long> Scales { get; set; } = [];

    public List<string> Articles { get; set; } = [];

    public List<string> And { get; set; } = [];

    public Dictionary<string, double> Fractions { get; set; } = [];

    public List<string> DecimalPoint { get; set; } = [];

    public string? DecimalSeparator { get; set; }

    public List<string> OrdinalSuffixes { get; set; } = [];

    public Dictionary<string, int> Ordinals { get; set; } = [];
}
