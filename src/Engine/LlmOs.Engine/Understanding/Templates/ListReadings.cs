using System.Runtime.CompilerServices;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Matches list entries ("web browser", "french") at a token position: every entry whose spoken words follow there,
/// word by word, exactly or with a typo (each typo costs as in a literal). The spoken words of each list are
/// normalised once per list instance.
/// </summary>
internal static class ListReadings
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ListEntry>, string[][]> SpokenTokens = new();

    public static SlotReading[] At(IReadOnlyList<ListEntry> entries, LanguagePack language, IReadOnlyList<string> tokens, int position)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        string[][] spoken = SpokenTokens.GetValue(entries, list => [.. list.Select(e => language.Normalize(e.Spoken).Tokens.ToArray())]);
        List<SlotReading>? found = null;
        for (int e = 0; e < spoken.Length; e++)
        {
            double penalty = Penalty(spoken[e], tokens, position);
            if (penalty >= 0)
            {
                found ??= [];
                found.Add(new SlotReading(spoken[e].Length, entries[e].Value, penalty));
            }
        }

        if (found is null)
        {
            return [];
        }

        found.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Penalty.CompareTo(b.Penalty));
        return [.. found];
    }

    /// <summary>The longest entry of the list named anywhere in the tokens (the first of equals), with its position.</summary>
    public static (int Position, SlotReading Reading)? Longest(IReadOnlyList<ListEntry> entries, LanguagePack language, IReadOnlyList<string> tokens)
    {
        (int Position, SlotReading Reading)? best = null;
        for (int p = 0; p < tokens.Count; p++)
        {
            foreach (var reading in At(entries, language, tokens, p))
            {
                if (best is null || reading.Length > best.Value.Reading.Length
                    || (reading.Length == best.Value.Reading.Length && reading.Penalty < best.Value.Reading.Penalty))
                {
                    best = (p, reading);
                }
            }
        }

        return best;
    }

    private static double Penalty(string[] words, IReadOnlyList<string> tokens, int position)
    {
        if (words.Length == 0 || position + words.Length > tokens.Count)
        {
            return -1;
        }

        double penalty = 0;
        for (int i = 0; i < words.Length; i++)
        {
            string token = tokens[position + i];
            if (string.Equals(token, words[i], StringComparison.Ordinal))
            {
                continue;
            }

            if (!FuzzyWords.IsTypoOf(token, words[i]))
            {
                return -1;
            }

            penalty += TemplateScoring.Typo;
        }

        return penalty;
    }
}
