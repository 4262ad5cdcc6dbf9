using System.Collections.Frozen;
using System.Text.Json;

namespace LlmOs.Engine.Generation.Grammar;

/// <summary>
/// The JSON Schema keywords the converter cannot honour. Keywords a validator ignores (unknown ones,
/// annotations such as title or default) need no grammar; these would make some documents invalid,
/// so a schema using them is refused rather than answered with a grammar that might not hold.
/// </summary>
internal static class SchemaKeywords
{
    private static readonly FrozenSet<string> Refused = FrozenSet.Create(
        StringComparer.Ordinal,
        "pattern", "patternProperties", "propertyNames", "minProperties", "maxProperties",
        "dependentRequired", "dependentSchemas", "dependencies", "unevaluatedProperties", "unevaluatedItems",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "contains", "minContains", "maxContains", "prefixItems", "additionalItems",
        "not", "if", "then", "else", "$dynamicRef", "$recursiveRef", "contentSchema");

    /// <summary>Keywords that say nothing about validity, allowed beside <c>$ref</c>, <c>anyOf</c>, <c>enum</c>…</summary>
    private static readonly FrozenSet<string> Annotations = FrozenSet.Create(
        StringComparer.Ordinal,
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs", "definitions", "$vocabulary",
        "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding");

    /// <summary>Throws when <paramref name="schema"/> uses a keyword that the converter cannot honour.</summary>
    public static void EnsureSupported(JsonElement schema, string path)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (Refused.Contains(keyword.Name))
            {
                throw SchemaConverter.Refuse(path, $"the keyword '{keyword.Name}' is not supported for constrained output");
            }

            if (keyword.Name == "uniqueItems" && keyword.Value.ValueKind == JsonValueKind.True)
            {
                throw SchemaConverter.Refuse(path, "'uniqueItems: true' is not supported for constrained output");
            }

            if (keyword.Name == "allOf" && (keyword.Value.ValueKind != JsonValueKind.Array || keyword.Value.GetArrayLength() != 1))
            {
                throw SchemaConverter.Refuse(path, "'allOf' is supported only with a single branch");
            }
        }
    }

    /// <summary>Throws unless every keyword of <paramref name="schema"/> besides <paramref name="allowed"/> is an annotation.</summary>
    public static void EnsureOnlyAnnotationsBeside(JsonElement schema, string path, params ReadOnlySpan<string> allowed)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Annotations.Contains(keyword.Name) && !allowed.Contains(keyword.Name))
            {
                throw SchemaConverter.Refuse(path, $"the keyword '{keyword.Name}' beside '{allowed[0]}' is not supported for constrained output");
            }
        }
    }
}
