namespace LlmOs.Engine.Understanding.Templates;

/// <summary>The literal words of a parsed template, shared by the compiler (slot requirements) and the slot extractor (trimming).</summary>
internal static class TemplateLiterals
{
    /// <summary>Adds every literal word of <paramref name="node"/> to <paramref name="words"/>; slots add nothing.</summary>
    /// <exception cref="TemplateSyntaxException">The template names a rule that was not expanded.</exception>
    public static void Collect(TemplateNode node, HashSet<string> words)
    {
        switch (node)
        {
            case LiteralNode literal:
                words.Add(literal.Word);
                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, words);
                }

                break;
            case AlternativesNode alternatives:
                foreach (var option in alternatives.Options)
                {
                    Collect(option, words);
                }

                break;
            case RuleNode rule:
                throw new TemplateSyntaxException($"unknown rule <{rule.Name}>");
        }
    }
}
