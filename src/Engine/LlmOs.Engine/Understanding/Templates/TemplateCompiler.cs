using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Turns a parsed template into a <see cref="CompiledTemplate"/> (Thompson's construction; the grammar has no
/// repetition, so the automaton has no cycles and every edge leads to a later state). Literal words the language
/// strips as filler become optional, since the utterance never contains them.
/// </summary>
internal sealed partial class TemplateCompiler
{
    private static readonly HashSet<string> TypedSlotTypes = new(StringComparer.Ordinal)
    {
        SlotTypes.WholeNumber, SlotTypes.Number, SlotTypes.Duration, SlotTypes.DateTime, SlotTypes.Percentage,
    };

    private readonly List<List<TemplateEdge>> _states = [];
    private readonly List<CompiledSlot> _slots = [];
    private readonly CatalogIntent _intent;
    private readonly TemplateVocabulary _vocabulary;
    private readonly Dictionary<string, int> _slotTypes;
    private readonly IReadOnlySet<string> _filler;
    private bool _hasWords;

    private TemplateCompiler(CatalogIntent intent, TemplateVocabulary vocabulary, Dictionary<string, int> slotTypes, IReadOnlySet<string> filler)
    {
        _slotTypes = slotTypes;
        _intent = intent;
        _vocabulary = vocabulary;
        _filler = filler;
    }

    /// <summary>Whether a slot type is read by the slot parsers (rather than as a list or free text).</summary>
    public static bool IsTyped(string type) => TypedSlotTypes.Contains(type);

    /// <summary>Whether the loader accepts this declared type: a parser's type, text, or <c>list:NAME</c>.</summary>
    public static bool IsKnownType(string type) =>
        IsTyped(type) || type == SlotTypes.Text || SlotTypes.ListName(type) is { Length: > 0 };

    /// <summary>Compiles one template; its words join <paramref name="vocabulary"/> and its slot types <paramref name="slotTypes"/> (type → number).</summary>
    public static CompiledTemplate Compile(string text, TemplateNode root, CatalogIntent intent, TemplateVocabulary vocabulary, Dictionary<string, int> slotTypes, IReadOnlySet<string> filler)
    {
        var compiler = new TemplateCompiler(intent, vocabulary, slotTypes, filler);
        int start = compiler.NewState();
        int end = compiler.Emit(root, start);
        int final = compiler.NewState();
        compiler.Link(end, TemplateEdgeKind.Empty, final, 0);
        return compiler.Build(text, [.. compiler.Required(root).Select(group => group.Select(vocabulary.Add).ToArray())]);
    }

    private int Emit(TemplateNode node, int from)
    {
        switch (node)
        {
            case LiteralNode literal when _filler.Contains(literal.Word):
                return from;
            case LiteralNode literal:
                {
                    _hasWords = true;
                    int to = NewState();
                    Link(from, TemplateEdgeKind.Word, to, _vocabulary.Add(literal.Word));
                    return to;
                }

            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    from = Emit(item, from);
                }

                return from;
            case AlternativesNode alternatives:
                {
                    var ends = new List<int>(alternatives.Options.Count);
                    foreach (var option in alternatives.Options)
                    {
                        ends.Add(Emit(option, from));
                    }

                    int join = NewState();
                    foreach (int end in ends)
                    {
                        Link(end, TemplateEdgeKind.Empty, join, 0);
                    }

                    return join;
                }

            case SlotNode slot:
                {
                    int to = NewState();
                    Link(from, TemplateEdgeKind.Slot, to, AddSlot(slot));
                    return to;
                }

            case RuleNode rule:
                throw new TemplateSyntaxException($"unknown rule <{rule.Name}>");
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    private int AddSlot(SlotNode slot)
    {
        string type = _intent.Slots.GetValueOrDefault(slot.Name) ?? SlotTypes.Text; // an app's undeclared slot is free text
        var kind = IsTyped(type) ? TemplateSlotKind.Typed : SlotTypes.ListName(type) is not null ? TemplateSlotKind.List : TemplateSlotKind.Text;
        if (kind == TemplateSlotKind.Text && _slots.Count(s => s.Kind == TemplateSlotKind.Text) == TemplateLimits.MaxTextSlots)
        {
            throw new TemplateSyntaxException($"more than {TemplateLimits.MaxTextSlots} free-text slots");
        }

        HashSet<string>? required = null;
        if (slot.Requirement is not null)
        {
            required = new HashSet<string>(StringComparer.Ordinal);
            TemplateLiterals.Collect(slot.Requirement, required);
        }

        if (!_slotTypes.TryGetValue(type, out int typeId))
        {
            _slotTypes[type] = typeId = _slotTypes.Count;
        }

        _slots.Add(new CompiledSlot(slot.Name, type, typeId, kind, SlotTypes.ListName(type), required));
        return _slots.Count - 1;
    }

    private int NewState()
    {
        _states.Add([]);
        return _states.Count - 1;
    }

    private void Link(int from, TemplateEdgeKind kind, int to, int operand) => _states[from].Add(new TemplateEdge(kind, to, operand));

    private CompiledTemplate Build(string text, int[][] requiredWords)
    {
        int[] edgeStart = new int[_states.Count + 1];
        var edges = new List<TemplateEdge>();
        for (int s = 0; s < _states.Count; s++)
        {
            edgeStart[s] = edges.Count;
            edges.AddRange(_states[s]);
        }

        edgeStart[_states.Count] = edges.Count;
        var (firstWords, anywhere) = FirstSteps(edgeStart, edges);
        return new CompiledTemplate
        {
            Intent = _intent,
            Text = text,
            EdgeStart = edgeStart,
            Edges = [.. edges],
            Slots = [.. _slots],
            IsSpecific = _hasWords || _slots.Exists(s => s.Kind != TemplateSlotKind.Text),
            RequiredWords = requiredWords,
            FirstWords = firstWords,
            StartsAnywhere = anywhere,
        };
    }
}
