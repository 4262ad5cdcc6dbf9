namespace LlmOs.Engine.Understanding.Language;

/// <summary>The shape of a <c>words.yaml</c> file, as YamlDotNet reads it (snake_case keys); <see cref="LanguageWords.FromYaml"/> turns it into tables.</summary>
internal sealed class LanguageWordsYaml
{
    public List<string> Filler { get; set; } = [];

    public List<string> PluralSuffixes { get; set; } = [];

    public NumbersYaml Numbers { get; set; } = new();

    public List<string> Percent { get; set; } = [];

    public DurationsYaml Durations { get; set; } = new();

    public TimeYaml Time { get; set; } = new();

    public DatesYaml Dates { get; set; } = new();

    internal sealed class NumbersYaml
    {
        public Dictionary<string, long> Words { get; set; } = [];

        public Dictionary<string, long> Scales { get; set; } = [];

        public List<string> Articles { get; set; } = [];

        public List<string> And { get; set; } = [];

        public Dictionary<string, double> Fractions { get; set; } = [];

        public List<string> DecimalPoint { get; set; } = [];

        public string DecimalSeparator { get; set; } = ".";

        public List<string> OrdinalSuffixes { get; set; } = [];

        public Dictionary<string, int> Ordinals { get; set; } = [];
    }

    internal sealed class DurationsYaml
    {
        public Dictionary<string, long> Units { get; set; } = [];

        public List<string> Of { get; set; } = [];
    }

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

        public int DefaultHour { get; set; } = 9;

        public List<int> PmUnlessSaid { get; set; } = [];
    }

    internal sealed class PeriodYaml
    {
        public List<string> Words { get; set; } = [];

        public string? Meridiem { get; set; }

        public int Hour { get; set; }
    }

    internal sealed class DatesYaml
    {
        public List<string> Prepositions { get; set; } = [];

        public List<DayYaml> Days { get; set; } = [];

        public Dictionary<string, int> Weekdays { get; set; } = [];

        public Dictionary<string, int> Months { get; set; } = [];

        public List<string> Of { get; set; } = [];
    }

    internal sealed class DayYaml
    {
        public List<string> Words { get; set; } = [];

        public int Offset { get; set; }

        public string? Meridiem { get; set; }

        public int? Hour { get; set; }
    }
}
