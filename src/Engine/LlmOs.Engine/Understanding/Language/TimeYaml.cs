namespace LlmOs.Engine.Understanding.Language;

/// <summary>The <c>time</c> section of a <c>words.yaml</c>: clock words, meridiems, named times and day periods.</summary>
internal sealed class TimeYaml
{
    public List<string> At { get; set; } = [];

    public List<string> Relative { get; set; } = [];

    public List<string> RelativeAfter { get; set; } = [];

    public Dictionary<string, string> Meridiem { get; set; } = [];

    public List<string> Oclock { get; set; } = [];

    public Dictionary<string, string> Named { get; set; } = [];

    public Dictionary<string, int> MinutesBeforeHour { get; set; } = [];

    public Dictionary<string, int> MinutesAfterHour { get; set; } = [];

    public List<PeriodYaml> Periods { get; set; } = [];

    public int? DefaultHour { get; set; }

    public List<int> PmUnlessSaid { get; set; } = [];
}
