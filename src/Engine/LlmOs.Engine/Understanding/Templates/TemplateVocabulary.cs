namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// The distinct literal words of a compiled catalog, by id, so each token of an utterance is compared with the
/// words once. Typo candidates are found through an index of every word with one (two, for long words) letters
/// deleted (the symmetric-delete idea of SymSpell), then checked with <see cref="FuzzyWords"/>, so a token is not
/// compared with the whole vocabulary.
/// </summary>
internal sealed class TemplateVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly Dictionary<string, List<int>> _deletions = new(StringComparer.Ordinal);
    private bool _frozen;

    public int Count => _words.Count;

    public string this[int id] => _words[id];

    public int Add(string word)
    {
        if (!_ids.TryGetValue(word, out int id))
        {
            if (_frozen)
            {
                throw new InvalidOperationException("the vocabulary is frozen");
            }

            id = _words.Count;
            _ids.Add(word, id);
            _words.Add(word);
        }

        return id;
    }

    /// <summary>Builds the typo index; no word may be added afterwards.</summary>
    public void Freeze()
    {
        for (int id = 0; id < _words.Count; id++)
        {
            int tolerance = FuzzyWords.Tolerance(_words[id].Length);
            if (tolerance > 0 && !FuzzyWords.HasDigit(_words[id]))
            {
                foreach (string variant in Deletions(_words[id], tolerance))
                {
                    if (!_deletions.TryGetValue(variant, out var ids))
                    {
                        _deletions[variant] = ids = [];
                    }

                    if (!ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        _frozen = true;
    }

    /// <summary>Calls <paramref name="found"/> with every word the token is (typo false) or is a typo of (typo true).</summary>
    public void Match(string token, Action<int, bool> found)
    {
        int exact = _ids.GetValueOrDefault(token, -1);
        if (exact >= 0)
        {
            found(exact, false);
        }

        if (token.Length < 3 || FuzzyWords.HasDigit(token))
        {
            return;
        }

        var seen = new HashSet<int>();
        int depth = token.Length >= 6 ? 2 : 1; // a shorter token is within reach only of words under 8 letters, which tolerate one edit
        foreach (string variant in Deletions(token, depth))
        {
            if (_deletions.TryGetValue(variant, out var ids))
            {
                foreach (int id in ids)
                {
                    if (id != exact && seen.Add(id) && FuzzyWords.IsTypoOf(token, _words[id]))
                    {
                        found(id, true);
                    }
                }
            }
        }
    }

    /// <summary>The word itself and every form of it with up to <paramref name="depth"/> letters deleted.</summary>
    private static HashSet<string> Deletions(string word, int depth)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (int d = 0; d < depth; d++)
        {
            var next = new List<string>();
            foreach (string form in frontier)
            {
                for (int i = 0; i < form.Length && form.Length > 1; i++)
                {
                    string shorter = form.Remove(i, 1);
                    if (variants.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }

            frontier = next;
        }

        return variants;
    }
}
