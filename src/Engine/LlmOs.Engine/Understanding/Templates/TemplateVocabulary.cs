namespace LlmOs.Engine.Understanding.Templates;

/// <summary>The distinct literal words of a compiled catalog, by id, so a token is compared with each word once per utterance.</summary>
internal sealed class TemplateVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    public int Count => _words.Count;

    public string this[int id] => _words[id];

    public int Add(string word)
    {
        if (!_ids.TryGetValue(word, out int id))
        {
            id = _words.Count;
            _ids.Add(word, id);
            _words.Add(word);
        }

        return id;
    }
}
