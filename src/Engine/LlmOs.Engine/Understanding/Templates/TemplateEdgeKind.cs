namespace LlmOs.Engine.Understanding.Templates;

/// <summary>What a step of a compiled template consumes.</summary>
internal enum TemplateEdgeKind : byte
{
    /// <summary>Nothing: an optional part left out, or the join after alternatives.</summary>
    Empty,

    /// <summary>One token equal (or nearly, see <see cref="FuzzyWords"/>) to a literal word.</summary>
    Word,

    /// <summary>The tokens of one slot value.</summary>
    Slot,
}
