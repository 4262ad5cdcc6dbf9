using System.Text.RegularExpressions;

namespace LlmOs.Engine.Understanding.Language;

/// <summary>
/// Expands <c>&lt;rule&gt;</c> references in templates with the language's <c>rules:</c> map, so the stored templates
/// are self-contained (an <see cref="Catalog.IntentCatalog"/> carries no rules) and a shared piece is written once.
/// </summary>
internal static partial class TemplateRules
{
    private const int MaxDepth = 8;

    /// <summary>The template with every rule replaced by its body in parentheses; throws naming an unknown or circular rule.</summary>
    public static string Expand(string template, IReadOnlyDictionary<string, string> rules) => Expand(template, rules, 0);

    private static string Expand(string template, IReadOnlyDictionary<string, string> rules, int depth) =>
        RuleReference().Replace(template, match =>
        {
            string name = match.Groups[1].Value;
            if (!rules.TryGetValue(name, out var body))
            {
                throw new ArgumentException($"unknown rule <{name}>");
            }

            if (depth >= MaxDepth)
            {
                throw new ArgumentException($"rule <{name}> refers to itself (or nests deeper than {MaxDepth})");
            }

            return "(" + Expand(body, rules, depth + 1) + ")";
        });

    [GeneratedRegex(@"<\s*([A-Za-z0-9_.\-]+)\s*>")]
    private static partial Regex RuleReference();
}
