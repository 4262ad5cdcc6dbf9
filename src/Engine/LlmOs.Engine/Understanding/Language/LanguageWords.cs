namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// The words a language's slot parsers and normaliser need: number words, duration units, time and date words,
/// filler words. Loaded from the language's <c>words.yaml</c> (<see cref="FromYaml(string)"/>), so a language is added as
/// data, not code. Every table is built once here and compares words with accents optional (<see cref="WordComparer"/>).
/// A default instance knows no words: parsers then read digits only.
/// </summary>
public sealed partial class LanguageWords
{
    /// <summary>Words dropped before matching ("please", "um", "hey"), as normalised tokens.</summary>
    public IReadOnlySet<string> Filler { get; init; } = EmptySet();

    /// <summary>Filler of several words ("por favor"), dropped before matching.</summary>
    public PhraseTable<bool> FillerPhrases { get; init; } = new([]);

    /// <summary>Endings a list entry's word may carry and still match ("firefox's", "browsers").</summary>
    public IReadOnlyList<string> PluralSuffixes { get; init; } = [];

    /// <summary>Number words with their value: "five" → 5, "twenty" → 20, "veinticinco" → 25, "doscientos" → 200.</summary>
    public IReadOnlyDictionary<string, long> NumberWords { get; init; } = EmptyMap<long>();

    /// <summary>
    /// Scales: below 1000 they multiply the number before them ("two hundred", "two dozen"); from 1000 up they close
    /// a group ("two thousand five hundred").
    /// </summary>
    public IReadOnlyDictionary<string, long> Scales { get; init; } = EmptyMap<long>();

    /// <summary>Articles that mean one before a scale, a fraction or a unit ("a hundred", "an hour", "a half").</summary>
    public IReadOnlySet<string> Articles { get; init; } = EmptySet();

    /// <summary>Words joining parts of a number or duration ("a hundred and five", "treinta y cinco", "an hour and a half").</summary>
    public IReadOnlySet<string> And { get; init; } = EmptySet();

    /// <summary>Fractions: "half" → 0.5, "quarter" → 0.25; after a whole number they add ("two and a half") or count ("three quarters").</summary>
    public PhraseTable<double> Fractions { get; init; } = new([]);

    /// <summary>Words for the decimal point ("two point five").</summary>
    public IReadOnlySet<string> DecimalPoint { get; init; } = EmptySet();

    /// <summary>The decimal separator in digits ("2.5" in English, "2,5" in Spanish); the other of '.' and ',' groups thousands.</summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>Endings of ordinal numbers in digits ("24th", "1º").</summary>
    public IReadOnlyList<string> OrdinalSuffixes { get; init; } = [];

    /// <summary>Ordinal words for days of the month ("first" → 1).</summary>
    public IReadOnlyDictionary<string, int> Ordinals { get; init; } = EmptyMap<int>();

    /// <summary>What follows a number to make it a percentage ("%", "percent", "por ciento").</summary>
    public PhraseTable<bool> Percent { get; init; } = new([]);

    /// <summary>Duration units in seconds, singular, plural and short ("minute", "minutes", "min", "h").</summary>
    public IReadOnlyDictionary<string, long> DurationUnits { get; init; } = EmptyMap<long>();

    /// <summary>The word between a fraction and its unit ("a quarter of an hour", "un cuarto de hora").</summary>
    public IReadOnlySet<string> Of { get; init; } = EmptySet();

    /// <summary>Words before a clock time ("at", "a las").</summary>
    public PhraseTable<bool> At { get; init; } = new([]);

    /// <summary>Words before a duration that make it a moment from now ("in", "dentro de").</summary>
    public PhraseTable<bool> Relative { get; init; } = new([]);

    /// <summary>Words after a duration that make it a moment from now ("from now").</summary>
    public PhraseTable<bool> RelativeAfter { get; init; } = new([]);

    /// <summary>"am", "pm" and their spellings.</summary>
    public PhraseTable<Meridiem> Meridiems { get; init; } = new([]);

    /// <summary>Words after a whole hour ("o'clock", "en punto").</summary>
    public PhraseTable<bool> OClock { get; init; } = new([]);

    /// <summary>Times with a name, in minutes after midnight ("noon" → 720, "midnight" → 0).</summary>
    public PhraseTable<int> NamedTimes { get; init; } = new([]);

    /// <summary>Words between minutes and the hour they count from, with +1 after or -1 before ("half past eleven", "quarter to midnight").</summary>
    public PhraseTable<int> MinutesBeforeHour { get; init; } = new([]);

    /// <summary>Words between the hour and minutes counted from it, with +1 after or -1 before ("las once y media", "las tres menos cuarto").</summary>
    public PhraseTable<int> MinutesAfterHour { get; init; } = new([]);

    /// <summary>Parts of the day ("in the morning", "de la tarde").</summary>
    public PhraseTable<DayPeriod> Periods { get; init; } = new([]);

    /// <summary>The hour a day said without a time means ("remind me tomorrow" → 9:00).</summary>
    public int DefaultHour { get; init; } = 9;

    /// <summary>Hours that mean the afternoon when said with a day but no am/pm ("on friday at 3" → 15:00).</summary>
    public IReadOnlySet<int> PmUnlessSaid { get; init; } = new HashSet<int>();

    /// <summary>Words before a date ("on", "on the", "el", "next").</summary>
    public PhraseTable<bool> DatePrepositions { get; init; } = new([]);

    /// <summary>Days relative to today ("today", "tomorrow", "day after tomorrow", "tonight").</summary>
    public PhraseTable<DayWord> Days { get; init; } = new([]);

    /// <summary>Weekday names and short forms.</summary>
    public IReadOnlyDictionary<string, DayOfWeek> Weekdays { get; init; } = EmptyMap<DayOfWeek>();

    /// <summary>Month names and short forms → 1 to 12.</summary>
    public IReadOnlyDictionary<string, int> Months { get; init; } = EmptyMap<int>();

    /// <summary>The word between a day and its month ("24th of december", "24 de diciembre").</summary>
    public IReadOnlySet<string> DateOf { get; init; } = EmptySet();

    internal static HashSet<string> EmptySet() => new(WordComparer.Instance);

    internal static Dictionary<string, TValue> EmptyMap<TValue>() => new(WordComparer.Instance);
}
