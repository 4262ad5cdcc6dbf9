namespace LlmOs.Engine.Understanding.Templates;

/// <summary>What the compiler works out about a template besides its automaton: required and first words, requirement words.</summary>
internal sealed partial class TemplateCompiler
{
    /// <summary>
    /// What every match of <paramref name="node"/> must contain, as groups of which at least one word must be said:
    /// a sequence needs all its items' groups; alternatives need one word of the first group of any option (or
    /// nothing, when an option needs nothing).
    /// </summary>
    private List<HashSet<string>> Required(TemplateNode node)
    {
        switch (node)
        {
            case LiteralNode literal when !_filler.Contains(literal.Word):
                return [new HashSet<string>(StringComparer.Ordinal) { literal.Word }];
            case SequenceNode sequence:
                return [.. sequence.Items.SelectMany(Required)];
            case AlternativesNode alternatives:
                {
                    var any = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var option in alternatives.Options)
                    {
                        var groups = Required(option);
                        if (groups.Count == 0)
                        {
                            return [];
                        }

                        any.UnionWith(groups[0]);
                    }

                    return [any];
                }

            default:
                return [];
        }
    }

    /// <summary>The words a match can begin with: every word edge reachable from the start through empty edges.</summary>
    private (int[] Words, bool Anywhere) FirstSteps(int[] edgeStart, List<TemplateEdge> edges)
    {
        var reached = new bool[_states.Count];
        reached[0] = true;
        var words = new HashSet<int>();
        bool anywhere = false;
        for (int s = 0; s < _states.Count; s++)
        {
            if (!reached[s])
            {
                continue;
            }

            anywhere |= s == _states.Count - 1;
            for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++)
            {
                var edge = edges[e];
                switch (edge.Kind)
                {
                    case TemplateEdgeKind.Empty:
                        reached[edge.Target] = true;
                        break;
                    case TemplateEdgeKind.Word:
                        words.Add(edge.Operand);
                        break;
                    default:
                        anywhere = true;
                        break;
                }
            }
        }

        return ([.. words], anywhere);
    }
}
