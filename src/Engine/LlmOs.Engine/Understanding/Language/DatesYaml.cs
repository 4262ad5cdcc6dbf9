namespace LlmOs.Engine.Understanding.Language;

/// <summary>The <c>dates</c> section of a <c>words.yaml</c>: relative days, weekdays, months.</summary>
internal sealed class DatesYaml
{
    public List<string> Prepositions { get; set; } = [];

    public List<DayYaml> Days { get; set; } = [];

    public Dictionary<string, int> Weekdays { get; set; } = [];

    public Dictionary<string, int> Months { get; set; } = [];

    public List<string> Of { get; set; } = [];
}
