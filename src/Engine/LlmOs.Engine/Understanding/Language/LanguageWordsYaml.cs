namespace LlmOs.Engine.Understanding.Language;

/// <summary>The shape of a <c>words.yaml</c> file, as YamlDotNet reads it (snake_case keys); <see cref="LanguageWords.FromYaml(IEnumerable{string})"/> turns it into tables.</summary>
internal sealed class LanguageWordsYaml
{
    public List<string> Filler { get; set; } = [];

    public List<string> PluralSuffixes { get; set; } = [];

    public NumbersYaml Numbers { get; set; } = new();

    public List<string> Percent { get; set; } = [];

    public DurationsYaml Durations { get; set; } = new();

    public TimeYaml Time { get; set; } = new();

    public DatesYaml Dates { get; set; } = new();

    /// <summary>Adds a later file's words (a data-directory pack extending a shipped one): lists join, a later value for a key wins.</summary>
    public void Add(LanguageWordsYaml later)
    {
        Join(Filler, later.Filler);
        Join(PluralSuffixes, later.PluralSuffixes);
        Join(Percent, later.Percent);
        Join(Numbers.Words, later.Numbers.Words);
        Join(Numbers.Scales, later.Numbers.Scales);
        Join(Numbers.Articles, later.Numbers.Articles);
        Join(Numbers.And, later.Numbers.And);
        Join(Numbers.Fractions, later.Numbers.Fractions);
        Join(Numbers.DecimalPoint, later.Numbers.DecimalPoint);
        Numbers.DecimalSeparator = later.Numbers.DecimalSeparator ?? Numbers.DecimalSeparator;
        Join(Numbers.OrdinalSuffixes, later.Numbers.OrdinalSuffixes);
        Join(Numbers.Ordinals, later.Numbers.Ordinals);
        Join(Durations.Units, later.Durations.Units);
        Join(Durations.Of, later.Durations.Of);
        Join(Time.At, later.Time.At);
        Join(Time.Relative, later.Time.Relative);
        Join(Time.RelativeAfter, later.Time.RelativeAfter);
        Join(Time.Meridiem, later.Time.Meridiem);
        Join(Time.Oclock, later.Time.Oclock);
        Join(Time.Named, later.Time.Named);
        Join(Time.MinutesBeforeHour, later.Time.MinutesBeforeHour);
        Join(Time.MinutesAfterHour, later.Time.MinutesAfterHour);
        Time.Periods.AddRange(later.Time.Periods);
        Time.DefaultHour = later.Time.DefaultHour ?? Time.DefaultHour;
        Join(Time.PmUnlessSaid, later.Time.PmUnlessSaid);
        Join(Dates.Prepositions, later.Dates.Prepositions);
        Dates.Days.AddRange(later.Dates.Days);
        Join(Dates.Weekdays, later.Dates.Weekdays);
        Join(Dates.Months, later.Dates.Months);
        Join(Dates.Of, later.Dates.Of);
    }

    private static void Join<T>(List<T> earlier, List<T> later) => earlier.AddRange(later.Where(item => !earlier.Contains(item)));

    private static void Join<TValue>(Dictionary<string, TValue> earlier, Dictionary<string, TValue> later)
    {
        foreach (var (key, value) in later)
        {
            earlier[key] = value;
        }
    }
}
