namespace LlmOs.Engine.Understanding.Templates;

/// <summary>
/// Matches one compiled template against an utterance: a shortest path over (token position, state) in the
/// template's acyclic automaton, where literal words cost nothing (or a typo), slots cost nothing (or their
/// readings' typos), and skipping an unaccounted word costs <see cref="TemplateScoring.Skip"/>. Every token must be
/// consumed. Ties go to more literal words, then less free text (so a typed slot takes what it can read).
/// The work is counted in <see cref="MatchScratch.Steps"/>: a template that would take more than
/// <see cref="TemplateLimits.MaxStepsPerTemplate"/> (or the utterance's remaining budget) does not match.
/// </summary>
internal static class TemplateMatcher
{
    public static TemplateMatch? Match(CompiledTemplate template, MatchInput input, MatchScratch scratch)
    {
        int n = input.Tokens.Count;
        int states = template.StateCount;
        long stop = Math.Min(scratch.Steps + TemplateLimits.MaxStepsPerTemplate, TemplateLimits.MaxStepsPerUtterance);
        scratch.Reset(states * (n + 1));
        scratch.Penalty[0] = 0;
        scratch.Words[0] = 0;
        scratch.TextTokens[0] = 0;
        scratch.Skips[0] = 0;
        scratch.From[0] = -1;
        var edges = template.Edges;
        for (int position = 0; position <= n; position++)
        {
            if (scratch.Steps > stop)
            {
                return null; // checked once a position: one position's work is at most states × tokens steps over
            }

            for (int state = 0; state < states; state++)
            {
                int cell = (position * states) + state;
                double penalty = scratch.Penalty[cell];
                if (double.IsPositiveInfinity(penalty))
                {
                    continue;
                }

                scratch.Steps++;
                int words = scratch.Words[cell];
                int text = scratch.TextTokens[cell];
                int skips = scratch.Skips[cell];
                for (int e = template.EdgeStart[state]; e < template.EdgeStart[state + 1]; e++)
                {
                    var edge = edges[e];
                    switch (edge.Kind)
                    {
                        case TemplateEdgeKind.Empty:
                            Relax(scratch, cell, (position * states) + edge.Target, penalty, words, text, skips, e, 0);
                            break;
                        case TemplateEdgeKind.Word when position < n:
                            double typo = input.WordPenalty(position, edge.Operand);
                            if (typo >= 0)
                            {
                                Relax(scratch, cell, ((position + 1) * states) + edge.Target, penalty + typo, words + 1, text, skips, e, 0);
                            }

                            break;
                        case TemplateEdgeKind.Slot when position < n:
                            var slot = template.Slots[edge.Operand];
                            if (slot.Kind == TemplateSlotKind.Text)
                            {
                                bool satisfied = slot.RequiredWords is null;
                                for (int length = 1; position + length <= n; length++)
                                {
                                    scratch.Steps++;
                                    int last = position + length - 1;
                                    satisfied = satisfied || input.HasDigit[last] || slot.RequiredWords!.Contains(input.Tokens[last]);
                                    if (satisfied)
                                    {
                                        Relax(scratch, cell, ((position + length) * states) + edge.Target, penalty, words, text + length, skips, e, length);
                                    }
                                }
                            }
                            else
                            {
                                var readings = input.Readings(slot, position);
                                for (int r = 0; r < readings.Length; r++)
                                {
                                    Relax(scratch, cell, ((position + readings[r].Length) * states) + edge.Target, penalty + readings[r].Penalty, words, text, skips, e, r);
                                }
                            }

                            break;
                    }
                }

                if (position < n && skips < TemplateScoring.MaxSkips)
                {
                    Relax(scratch, cell, ((position + 1) * states) + state, penalty + TemplateScoring.Skip, words, text, skips + 1, -1, 0);
                }
            }
        }

        int final = (n * states) + template.Final;
        if (double.IsPositiveInfinity(scratch.Penalty[final])
            || (scratch.Skips[final] > 0 && scratch.Words[final] < TemplateScoring.WordsToSkip))
        {
            return null; // skipping words is tolerated only around a template that clearly matched ("tell me more" is not "{direction}")
        }

        return new TemplateMatch(template, scratch.Penalty[final], scratch.Words[final], scratch.TextTokens[final], SlotValues(template, input, scratch, final));
    }

    private static void Relax(MatchScratch scratch, int from, int to, double penalty, int words, int text, int skips, int edge, int reading)
    {
        scratch.Steps++;
        double current = scratch.Penalty[to];
        bool better = penalty < current - TemplateScoring.Epsilon
            || (penalty < current + TemplateScoring.Epsilon
                && (words > scratch.Words[to] || (words == scratch.Words[to] && text < scratch.TextTokens[to])));
        if (!better)
        {
            return;
        }

        scratch.Penalty[to] = penalty;
        scratch.Words[to] = words;
        scratch.TextTokens[to] = text;
        scratch.Skips[to] = (byte)skips;
        scratch.From[to] = from;
        scratch.Edge[to] = edge;
        scratch.Reading[to] = reading;
    }

    /// <summary>Walks the best path back from the final cell and reads each slot edge's value.</summary>
    private static Dictionary<string, object> SlotValues(CompiledTemplate template, MatchInput input, MatchScratch scratch, int cell)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        int states = template.StateCount;
        while (scratch.From[cell] >= 0)
        {
            int previous = scratch.From[cell];
            int edge = scratch.Edge[cell];
            if (edge >= 0 && template.Edges[edge].Kind == TemplateEdgeKind.Slot)
            {
                var slot = template.Slots[template.Edges[edge].Operand];
                int position = previous / states;
                values[slot.Name] = slot.Kind == TemplateSlotKind.Text
                    ? input.Text(position, scratch.Reading[cell])
                    : input.Readings(slot, position)[scratch.Reading[cell]].Value;
            }

            cell = previous;
        }

        return values;
    }
}
