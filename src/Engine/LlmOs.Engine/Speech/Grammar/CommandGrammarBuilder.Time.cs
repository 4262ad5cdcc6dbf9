using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Speech.Grammar;

/// <summary>Moments: "at five pm", "half past eleven", "in ten minutes", "tomorrow at nine".</summary>
public sealed partial class CommandGrammarBuilder
{
    private string? DateTimeRule()
    {
        if (_rules.ContainsKey("datetime"))
        {
            return "<datetime>";
        }

        var w = language.Words;
        string? clock = ClockRule();
        string? duration = DurationRule();
        string? at = Alternatives(SingleWords(w.At).Select(Word));
        string? relative = Alternatives(SingleWords(w.Relative).Select(Word));
        string? day = Alternatives(SingleWords(w.Days).Select(Word).Concat(w.Weekdays.Keys.Where(k => k.Length > 4).Select(Word)));
        string? moment = clock is null ? null : (at is null ? clock : "[ " + at + " ] " + clock);
        var forms = new List<string?> { moment };
        if (relative is not null && duration is not null)
        {
            forms.Add(relative + " " + duration);
        }

        if (day is not null)
        {
            forms.Add(day + (moment is null ? "" : " [ " + moment + " ]"));
        }

        return Define("datetime", forms);
    }

    private string? ClockRule()
    {
        var w = language.Words;
        string? hour = Define("hour", w.NumberWords.Where(n => n.Value is >= 1 and <= 12).Select(n => Word(n.Key)));
        string? minutes = NumberRule();
        string? meridiem = Alternatives(SingleWords(w.Meridiems).Select(Word));
        string? oclock = Alternatives(SingleWords(w.OClock).Select(Word));
        string? before = Alternatives(SingleWords(w.MinutesBeforeHour).Select(Word));
        string? part = Alternatives(new[] { Fraction(0.5), Fraction(0.25) });
        if (hour is null)
        {
            return null;
        }

        var forms = new List<string?>
        {
            hour + (minutes is null ? "" : " [ " + minutes + " ]") + (meridiem is null ? "" : " [ " + meridiem + " ]"),
            oclock is null ? null : hour + " " + oclock,
            before is null || part is null ? null : part + " " + before + " " + hour,
        };
        forms.AddRange(SingleWords(w.NamedTimes).Select(Word));
        return Define("clock", forms);
    }

    /// <summary>The one-word phrases of a table ("at", "tomorrow"); longer ones ("at about") are left to the single words.</summary>
    private static IEnumerable<string> SingleWords<T>(PhraseTable<T> table) =>
        table.FirstWords.Where(word => table.Match([word], 0) == 1);
}
