namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// Example sentences and the intent each belongs to, each (intent, sentence) once, intents numbered in the order
/// they first come: the rows of an <see cref="ExampleMatrix"/> before they are embedded.
/// </summary>
internal sealed class ExampleRows
{
    private readonly Dictionary<string, int> _intentIndex = new(StringComparer.Ordinal);
    private readonly HashSet<(int, string)> _seen = [];

    public List<string> Intents { get; } = [];

    public List<string> Texts { get; } = [];

    public List<int> IntentOfRow { get; } = [];

    /// <summary>The intent's number, adding it when it is new.</summary>
    public int IntentNumber(string intent)
    {
        if (!_intentIndex.TryGetValue(intent, out int number))
        {
            number = Intents.Count;
            _intentIndex[intent] = number;
            Intents.Add(intent);
        }

        return number;
    }

    /// <summary>Whether <paramref name="intent"/> has the row <paramref name="example"/> already.</summary>
    public bool Contains(string intent, string example) =>
        _intentIndex.TryGetValue(intent, out int number) && _seen.Contains((number, example.Trim()));

    /// <summary>Adds a row; false when the text is blank or the intent already has it.</summary>
    public bool Add(string intent, string example)
    {
        int number = IntentNumber(intent);
        string text = example.Trim();
        if (text.Length == 0 || !_seen.Add((number, text)))
        {
            return false;
        }

        Texts.Add(text);
        IntentOfRow.Add(number);
        return true;
    }
}
