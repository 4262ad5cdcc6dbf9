using System.Runtime.CompilerServices;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Entries of a named list ("text editor" → <c>org.gnome.TextEditor.desktop</c>, "french" → <c>fr</c>) said at a
/// position, longest entry first; a word may carry one of the language's plural or possessive endings ("firefox's").
/// Each list is indexed by first word once, and the index kept as long as the list itself.
/// </summary>
internal static class ListParser
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ListEntry>, Dictionary<string, (string[] Words, ListEntry Entry)[]>> Indexes = [];

    public static void Read(IReadOnlyList<ListEntry> entries, IReadOnlyList<string> tokens, int start, LanguageWords words, List<SlotMatch> readings)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var index = Indexes.GetValue(entries, Build);
        string first = tokens[start];
        Collect(index, first, tokens, start, words, readings);
        foreach (string suffix in words.PluralSuffixes)
        {
            if (first.Length > suffix.Length + 1 && first.EndsWith(suffix, StringComparison.Ordinal))
            {
                Collect(index, first[..^suffix.Length], tokens, start, words, readings);
            }
        }
    }

    private static void Collect(
        Dictionary<string, (string[] Words, ListEntry Entry)[]> index, string firstWord, IReadOnlyList<string> tokens, int start,
        LanguageWords words, List<SlotMatch> readings)
    {
        if (!index.TryGetValue(firstWord, out var candidates))
        {
            return;
        }

        foreach (var (entryWords, entry) in candidates)
        {
            if (start + entryWords.Length > tokens.Count)
            {
                continue;
            }

            bool all = true;
            for (int i = 1; i < entryWords.Length && all; i++)
            {
                all = WordMatches(entryWords[i], tokens[start + i], words);
            }

            if (all)
            {
                readings.Add(new SlotMatch(entryWords.Length, entry.Value));
            }
        }
    }

    private static bool WordMatches(string word, string token, LanguageWords words)
    {
        if (WordComparer.SpanEquals(word, token))
        {
            return true;
        }

        foreach (string suffix in words.PluralSuffixes)
        {
            if (token.Length == word.Length + suffix.Length && token.EndsWith(suffix, StringComparison.Ordinal)
                && WordComparer.SpanEquals(word, token.AsSpan(0, word.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, (string[] Words, ListEntry Entry)[]> Build(IReadOnlyList<ListEntry> entries)
    {
        var byFirst = new Dictionary<string, List<(string[] Words, ListEntry Entry)>>(WordComparer.Instance);
        foreach (var entry in entries)
        {
            var spoken = TextNormalizer.Tokenize(entry.Spoken);
            if (spoken.Count == 0)
            {
                continue;
            }

            if (!byFirst.TryGetValue(spoken[0], out var list))
            {
                byFirst[spoken[0]] = list = [];
            }

            list.Add(([.. spoken], entry));
        }

        var index = new Dictionary<string, (string[] Words, ListEntry Entry)[]>(WordComparer.Instance);
        foreach (var (first, list) in byFirst)
        {
            index[first] = [.. list.OrderByDescending(e => e.Words.Length)];
        }

        return index;
    }
}
