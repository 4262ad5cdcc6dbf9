namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// Phrases of one or more words ("day after tomorrow", "por ciento") with a value each, found at a position of a
/// token list by their first word, longest phrase first. Built once per language; matching allocates nothing.
/// </summary>
public sealed class PhraseTable<T>
{
    private readonly Dictionary<string, (string[] Words, T Value)[]> _byFirstWord;

    public PhraseTable(IEnumerable<KeyValuePair<string, T>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var lists = new Dictionary<string, List<(string[] Words, T Value)>>(WordComparer.Instance);
        foreach (var (phrase, value) in phrases)
        {
            string[] words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (!lists.TryGetValue(words[0], out var list))
            {
                lists[words[0]] = list = [];
            }

            list.Add((words, value));
        }

        _byFirstWord = new Dictionary<string, (string[] Words, T Value)[]>(WordComparer.Instance);
        foreach (var (first, list) in lists)
        {
            _byFirstWord[first] = [.. list.OrderByDescending(p => p.Words.Length)];
        }
    }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>The words some phrase starts with.</summary>
    public IEnumerable<string> FirstWords => _byFirstWord.Keys;

    /// <summary>The number of tokens the longest phrase at <paramref name="start"/> spans (0 when none), and its value.</summary>
    public int Match(IReadOnlyList<string> tokens, int start, out T value)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (start < tokens.Count && _byFirstWord.TryGetValue(tokens[start], out var candidates))
        {
            foreach (var (words, candidate) in candidates)
            {
                if (Matches(words, tokens, start))
                {
                    value = candidate;
                    return words.Length;
                }
            }
        }

        value = default!;
        return 0;
    }

    /// <summary>The number of tokens the longest phrase at <paramref name="start"/> spans, 0 when none.</summary>
    public int Match(IReadOnlyList<string> tokens, int start) => Match(tokens, start, out _);

    private static bool Matches(string[] words, IReadOnlyList<string> tokens, int start)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (int i = 1; i < words.Length; i++)
        {
            if (!WordComparer.SpanEquals(words[i], tokens[start + i]))
            {
                return false;
            }
        }

        return true;
    }
}
