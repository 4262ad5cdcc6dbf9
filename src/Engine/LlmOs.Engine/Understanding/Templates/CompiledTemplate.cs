using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// One template compiled to a small automaton without cycles: states 0 (start) to <see cref="Final"/>, and each
/// state's edges in <see cref="Edges"/> from <c>EdgeStart[s]</c> to <c>EdgeStart[s + 1]</c>. The matcher runs a
/// shortest-path over (state, token position), so alternatives and optional words cost no backtracking.
/// </summary>
internal sealed class CompiledTemplate
{
    public required CatalogIntent Intent { get; init; }

    /// <summary>The template as written, the evidence of a match.</summary>
    public required string Text { get; init; }

    public required int[] EdgeStart { get; init; }

    public required TemplateEdge[] Edges { get; init; }

    public required CompiledSlot[] Slots { get; init; }

    public int StateCount => EdgeStart.Length - 1;

    public int Final => StateCount - 1;

    /// <summary>Whether the template has a literal word or a list or typed slot: one of free text alone never decides on its own.</summary>
    public required bool IsSpecific { get; init; }

    /// <summary>
    /// Groups of word ids of which every match contains at least one of each ("(set|start) [a] timer" needs one of
    /// set/start and timer): a template the utterance cannot satisfy is not tried at all.
    /// </summary>
    public required int[][] RequiredWords { get; init; }

    /// <summary>The ids of the words a match can begin with, for skipping templates that cannot match.</summary>
    public required int[] FirstWords { get; init; }

    /// <summary>Whether a match can begin with a slot (or be empty), so <see cref="FirstWords"/> does not limit it.</summary>
    public required bool StartsAnywhere { get; init; }
}
