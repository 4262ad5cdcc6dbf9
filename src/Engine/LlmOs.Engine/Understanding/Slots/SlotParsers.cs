namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// The parsers of every slot type, by type name. All of them read the language's words
/// (<see cref="Language.LanguageWords"/>), so a new language needs only its <c>words.yaml</c>.
/// </summary>
public static class SlotParsers
{
    /// <summary>Where this thread's readings are gathered before they are handed out as an array (none when nothing matched).</summary>
    [ThreadStatic]
    private static List<SlotMatch>? _scratch;

    /// <summary>
    /// Every way a value of <paramref name="type"/> can be read from <paramref name="tokens"/> starting at
    /// <paramref name="start"/>, longest first (the template matcher backtracks through them), one per length.
    /// Free text (<see cref="SlotTypes.Text"/> and unknown types) is left to the matcher, which knows where the next
    /// literal is; this yields nothing for it.
    /// </summary>
    public static IEnumerable<SlotMatch> Parse(string type, IReadOnlyList<string> tokens, int start, SlotContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(context);
        if (start < 0 || start >= tokens.Count)
        {
            return [];
        }

        var words = context.Language.Words;
        string first = tokens[start];
        bool possible = type switch
        {
            SlotTypes.WholeNumber or SlotTypes.Number or SlotTypes.Percentage => words.CanStartNumber(first),
            SlotTypes.Duration => words.CanStartDuration(first),
            SlotTypes.DateTime => words.CanStartMoment(first),
            _ => true,
        };
        if (!possible)
        {
            return [];
        }

        var readings = _scratch ??= new List<SlotMatch>(8);
        readings.Clear();
        switch (type)
        {
            case SlotTypes.WholeNumber:
            case SlotTypes.Number:
                var numbers = new List<NumberReading>(4);
                NumberParser.Read(tokens, start, words, numbers);
                bool whole = type == SlotTypes.WholeNumber;
                foreach (var number in numbers)
                {
                    if (!whole)
                    {
                        readings.Add(new SlotMatch(number.Length, number.Value));
                    }
                    else if (number.Whole && number.Value <= long.MaxValue)
                    {
                        readings.Add(new SlotMatch(number.Length, (long)number.Value));
                    }
                }

                break;
            case SlotTypes.Duration:
                var durations = new List<(int Length, long Seconds)>(4);
                DurationParser.Read(tokens, start, words, durations);
                foreach (var (length, seconds) in durations)
                {
                    readings.Add(new SlotMatch(length, seconds));
                }

                break;
            case SlotTypes.DateTime:
                DateTimeParser.Read(tokens, start, context, readings);
                break;
            case SlotTypes.Percentage:
                PercentageParser.Read(tokens, start, words, readings);
                break;
            default:
                if (SlotTypes.ListName(type) is { } list)
                {
                    ListParser.Read(context.List(list), tokens, start, words, readings);
                }

                break;
        }

        return readings.Count == 0 ? [] : LongestFirst(readings).ToArray();
    }

    /// <summary>Orders readings longest first, keeping the first found of each length (parsers add their preferred reading first).</summary>
    private static List<SlotMatch> LongestFirst(List<SlotMatch> readings)
    {
        for (int i = 1; i < readings.Count; i++)
        {
            var reading = readings[i];
            int j = i - 1;
            while (j >= 0 && readings[j].Length < reading.Length)
            {
                readings[j + 1] = readings[j];
                j--;
            }

            readings[j + 1] = reading;
        }

        int kept = 0;
        for (int i = 0; i < readings.Count; i++)
        {
            if (kept == 0 || readings[kept - 1].Length != readings[i].Length)
            {
                readings[kept++] = readings[i];
            }
        }

        readings.RemoveRange(kept, readings.Count - kept);
        return readings;
    }
}
