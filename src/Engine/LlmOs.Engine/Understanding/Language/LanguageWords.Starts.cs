namespace LlmOs.Engine.Understanding.Language;

public sealed partial class LanguageWords
{
    private HashSet<string>? _numberStarts;
    private HashSet<string>? _durationStarts;
    private HashSet<string>? _momentStarts;
    private HashSet<string>? _clockStarts;
    private HashSet<string>? _dateStarts;

    /// <summary>
    /// Whether a number can start with <paramref name="token"/>: digits, or a number word, scale, article or fraction.
    /// The parsers ask first, so the template matcher's many tries at positions holding other words cost one lookup.
    /// </summary>
    internal bool CanStartNumber(string token) => StartsWithDigit(token) || NumberStarts.Contains(token);

    /// <summary>Whether a duration can start with <paramref name="token"/> (a number, or a unit: "hora y media").</summary>
    internal bool CanStartDuration(string token) => StartsWithDigit(token) || (_durationStarts ??= Union(NumberStarts, DurationUnits.Keys)).Contains(token);

    /// <summary>Whether a moment can start with <paramref name="token"/> (a duration, a clock time, a date, or the words before them).</summary>
    internal bool CanStartMoment(string token) => StartsWithDigit(token) || (_momentStarts ??= Union(
        NumberStarts, DurationUnits.Keys, At.FirstWords, Relative.FirstWords, NamedTimes.FirstWords, Days.FirstWords,
        DatePrepositions.FirstWords, Weekdays.Keys, Months.Keys, Ordinals.Keys)).Contains(token);

    /// <summary>Whether a time of day can start with <paramref name="token"/> (a number, a fraction, "noon").</summary>
    internal bool CanStartClock(string token) => StartsWithDigit(token) || (_clockStarts ??= Union(NumberStarts, NamedTimes.FirstWords)).Contains(token);

    /// <summary>Whether a date can start with <paramref name="token"/> ("tomorrow", "on", "friday", "december", "24th").</summary>
    internal bool CanStartDate(string token) => StartsWithDigit(token) || (_dateStarts ??= Union(
        NumberStarts, Days.FirstWords, DatePrepositions.FirstWords, Weekdays.Keys, Months.Keys, Ordinals.Keys)).Contains(token);

    private HashSet<string> NumberStarts => _numberStarts ??= Union(NumberWords.Keys, Scales.Keys, Articles, Fractions.FirstWords);

    private static bool StartsWithDigit(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);

    private static HashSet<string> Union(params IEnumerable<string>[] words)
    {
        var union = new HashSet<string>(WordComparer.Instance);
        foreach (var group in words)
        {
            union.UnionWith(group);
        }

        return union;
    }
}
