using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// One utterance prepared for matching against a compiled catalog: its tokens, and lazily filled caches of how each
/// token compares with each vocabulary word and of the typed and list readings at each position, so the many
/// templates that try the same word or slot at the same place pay once.
/// </summary>
internal sealed class MatchInput
{
    private const byte Different = 0;
    private const byte Exact = 1;
    private const byte Typo = 2;

    private readonly TemplateVocabulary _vocabulary;
    private readonly TypedSlotParser _parser;
    private readonly byte[] _fits;
    private readonly bool[] _present;
    private readonly SlotReading[]?[] _readings;
    private (int Start, int End)[]? _spans;
    private bool _aligned;

    public MatchInput(Utterance utterance, SlotContext context, TemplateVocabulary vocabulary, int slotTypes, TypedSlotParser parser)
    {
        Utterance = utterance;
        Context = context;
        Tokens = utterance.Tokens;
        _vocabulary = vocabulary;
        _parser = parser;
        _fits = new byte[Tokens.Count * vocabulary.Count];
        _present = new bool[vocabulary.Count];
        _readings = new SlotReading[]?[slotTypes * (Tokens.Count + 1)];
        HasDigit = new bool[Tokens.Count];
        for (int i = 0; i < Tokens.Count; i++)
        {
            HasDigit[i] = FuzzyWords.HasDigit(Tokens[i]);
            int row = i * vocabulary.Count;
            vocabulary.Match(Tokens[i], (word, typo) =>
            {
                _fits[row + word] = typo ? Typo : Exact;
                _present[word] = true;
            });
        }
    }

    public Utterance Utterance { get; }

    public SlotContext Context { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool[] HasDigit { get; }

    /// <summary>0 when the token at <paramref name="position"/> is the word, the typo penalty when it is nearly, negative when not.</summary>
    public double WordPenalty(int position, int word) => _fits[(position * _vocabulary.Count) + word] switch
    {
        Exact => 0,
        Typo => TemplateScoring.Typo,
        _ => -1,
    };

    /// <summary>Whether some token is the word (or nearly).</summary>
    public bool Contains(int word) => _present[word];

    /// <summary>The readings of a typed or list slot at a position, cached by type or list.</summary>
    public SlotReading[] Readings(CompiledSlot slot, int position)
    {
        int index = (slot.TypeId * (Tokens.Count + 1)) + position;
        var readings = _readings[index];
        if (readings is null)
        {
            readings = slot.Kind == TemplateSlotKind.List
                ? ListReadings.At(Context.List(slot.ListName!), Context.Language, Tokens, position)
                : [.. _parser(slot.Type, Tokens, position, Context).Where(m => m.Length > 0 && position + m.Length <= Tokens.Count).Select(m => new SlotReading(m.Length, m.Value, 0))];
            _readings[index] = readings;
        }

        return readings;
    }

    /// <summary>The free text of tokens [first, first + count), from the original text where the tokens can be found in it.</summary>
    public string Text(int first, int count)
    {
        if (!_aligned)
        {
            _spans = OriginalWords.Align(Utterance.Text, Tokens);
            _aligned = true;
        }

        return OriginalWords.Slice(Utterance.Text, _spans, Tokens, first, count);
    }
}
