using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LlmOs.Engine.Understanding.Language;

public sealed partial class LanguageWords
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>
    /// Reads a <c>words.yaml</c> (see <c>languages/en/words.yaml</c> for its shape). Unknown keys and bad values
    /// are refused with an <see cref="InvalidDataException"/> that says where, so a typo in a language file is found
    /// when the pack loads, not when a sentence fails to parse.
    /// </summary>
    public static LanguageWords FromYaml(string yamlText) => FromYaml([yamlText]);

    /// <summary>
    /// Reads several <c>words.yaml</c> files of one language, earliest first (the shipped pack, then the data
    /// directory's): word lists join, and a later file's value for a word or setting wins.
    /// </summary>
    public static LanguageWords FromYaml(IEnumerable<string> yamlTexts)
    {
        ArgumentNullException.ThrowIfNull(yamlTexts);
        var yaml = new LanguageWordsYaml();
        foreach (string text in yamlTexts)
        {
            yaml.Add(Read(text));
        }

        return Build(yaml);
    }

    private static LanguageWordsYaml Read(string yamlText)
    {
        try
        {
            return Reader.Deserialize<LanguageWordsYaml?>(yamlText) ?? new LanguageWordsYaml();
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"words.yaml {e.Start}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static LanguageWords Build(LanguageWordsYaml yaml)
    {
        var numbers = yaml.Numbers;
        var time = yaml.Time;
        var dates = yaml.Dates;
        var filler = yaml.Filler.Where(f => !f.Contains(' ', StringComparison.Ordinal));
        return new LanguageWords
        {
            Filler = Set(filler),
            FillerPhrases = Phrases(yaml.Filler.Where(f => f.Contains(' ', StringComparison.Ordinal)), true),
            PluralSuffixes = [.. yaml.PluralSuffixes.OrderByDescending(s => s.Length)],
            NumberWords = Map(numbers.Words),
            Scales = Map(numbers.Scales),
            Articles = Set(numbers.Articles),
            And = Set(numbers.And),
            Fractions = new PhraseTable<double>(numbers.Fractions),
            DecimalPoint = Set(numbers.DecimalPoint),
            DecimalSeparator = numbers.DecimalSeparator is null or "." or ","
                ? numbers.DecimalSeparator?[0] ?? '.'
                : throw new InvalidDataException("words.yaml: numbers.decimal_separator must be '.' or ','"),
            OrdinalSuffixes = [.. numbers.OrdinalSuffixes.OrderByDescending(s => s.Length)],
            Ordinals = Map(numbers.Ordinals),
            Percent = Phrases(yaml.Percent, true),
            DurationUnits = Map(yaml.Durations.Units),
            Of = Set(yaml.Durations.Of),
            At = Phrases(time.At, true),
            Relative = Phrases(time.Relative, true),
            RelativeAfter = Phrases(time.RelativeAfter, true),
            Meridiems = new PhraseTable<Meridiem>(time.Meridiem.Select(m => KeyValuePair.Create(m.Key, ParseMeridiem(m.Value)))),
            OClock = Phrases(time.Oclock, true),
            NamedTimes = new PhraseTable<int>(time.Named.Select(n => KeyValuePair.Create(n.Key, ParseClock(n.Key, n.Value)))),
            MinutesBeforeHour = new PhraseTable<int>(time.MinutesBeforeHour.Select(Sign)),
            MinutesAfterHour = new PhraseTable<int>(time.MinutesAfterHour.Select(Sign)),
            Periods = new PhraseTable<DayPeriod>(time.Periods.SelectMany(p =>
                p.Words.Select(w => KeyValuePair.Create(w, new DayPeriod(ParseMeridiem(p.Meridiem), Hour(p.Hour)))))),
            DefaultHour = Hour(time.DefaultHour ?? 9),
            PmUnlessSaid = time.PmUnlessSaid.Select(Hour).ToHashSet(),
            DatePrepositions = Phrases(dates.Prepositions, true),
            Days = new PhraseTable<DayWord>(dates.Days.SelectMany(d => d.Words.Select(w => KeyValuePair.Create(w,
                new DayWord(d.Offset, d.Hour is int hour ? new DayPeriod(ParseMeridiem(d.Meridiem), Hour(hour)) : null))))),
            Weekdays = Map(dates.Weekdays.ToDictionary(d => d.Key, d => d.Value is >= 0 and <= 6
                ? (DayOfWeek)d.Value
                : throw new InvalidDataException($"words.yaml: weekday '{d.Key}' must be 0 (Sunday) to 6"))),
            Months = Map(dates.Months.ToDictionary(m => m.Key, m => m.Value is >= 1 and <= 12
                ? m.Value
                : throw new InvalidDataException($"words.yaml: month '{m.Key}' must be 1 to 12"))),
            DateOf = Set(dates.Of),
        };
    }

    private static HashSet<string> Set(IEnumerable<string> words) => new(words, WordComparer.Instance);

    private static Dictionary<string, TValue> Map<TValue>(Dictionary<string, TValue> map) => new(map, WordComparer.Instance);

    private static PhraseTable<bool> Phrases(IEnumerable<string> phrases, bool value) =>
        new(phrases.Select(p => KeyValuePair.Create(p, value)));

    private static KeyValuePair<string, int> Sign(KeyValuePair<string, int> entry) => entry.Value is 1 or -1
        ? entry
        : throw new InvalidDataException($"words.yaml: '{entry.Key}' must be 1 (after the hour) or -1 (before it)");

    private static int Hour(int hour) => hour is >= 0 and <= 23
        ? hour
        : throw new InvalidDataException($"words.yaml: hour {hour} is not 0 to 23");

    private static Meridiem ParseMeridiem(string? value) => value switch
    {
        null or "" => Meridiem.None,
        "am" => Meridiem.Am,
        "pm" => Meridiem.Pm,
        "night" => Meridiem.Night,
        _ => throw new InvalidDataException($"words.yaml: meridiem '{value}' must be am, pm or night"),
    };

    private static int ParseClock(string name, string clock) =>
        clock.Length == 5 && clock[2] == ':'
        && int.TryParse(clock.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hours) && hours < 24
        && int.TryParse(clock.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) && minutes < 60
            ? (hours * 60) + minutes
            : throw new InvalidDataException($"words.yaml: time '{name}' must be HH:MM, not '{clock}'");
}
