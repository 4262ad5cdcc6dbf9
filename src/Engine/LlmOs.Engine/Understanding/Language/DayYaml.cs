namespace LlmOs.Engine.Understanding.Language;

/// <summary>One relative day of a <c>words.yaml</c> (<c>dates.days</c>): its words, offset in days and optional time of day.</summary>
internal sealed class DayYaml
{
    public List<string> Words { get; set; } = [];

    public int Offset { get; set; }

    public string? Meridiem { get; set; }

    public int? Hour { get; set; }
}
