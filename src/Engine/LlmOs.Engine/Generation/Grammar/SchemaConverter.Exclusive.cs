using System.Text.Json;

namespace LlmOs.Engine.Generation.Grammar;

internal sealed partial class SchemaConverter
{
    /// <summary>
    /// A grammar cannot count how many <c>oneOf</c> branches a value matches, so <c>oneOf</c> is taken as
    /// <c>anyOf</c> only when no value can match two branches: each pair accepts different kinds of value
    /// (a string, a number…) or lists different literal values. Anything subtler is refused.
    /// </summary>
    private void EnsureExclusive(JsonElement branches, string path)
    {
        var kinds = new List<JsonValueKinds>();
        var literals = new List<HashSet<string>?>();
        foreach (var branch in branches.EnumerateArray())
        {
            var resolved = Dereference(branch, path, 0);
            kinds.Add(KindsOf(resolved, path, 0));
            literals.Add(LiteralTexts(resolved, path));
        }

        for (int a = 0; a < kinds.Count; a++)
        {
            for (int b = a + 1; b < kinds.Count; b++)
            {
                bool differentKinds = (kinds[a] & kinds[b]) == JsonValueKinds.None;
                bool differentLiterals = literals[a] is { } left && literals[b] is { } right && !left.Overlaps(right);
                if (!differentKinds && !differentLiterals)
                {
                    throw Refuse(path, $"branches {a} and {b} of 'oneOf' may both match one value; use 'anyOf', or branches of different types or values");
                }
            }
        }
    }

    /// <summary>The schema a chain of <c>$ref</c> leads to (the schema itself when it has none).</summary>
    private JsonElement Dereference(JsonElement schema, string path, int depth)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            if (++depth > 32)
            {
                throw Refuse(path, "the $ref chain does not end");
            }

            schema = Resolve(reference.GetString()!, path);
        }

        return schema;
    }

    /// <summary>The kinds of value a schema may accept (more than it does is fine: this only has to rule overlaps out).</summary>
    private JsonValueKinds KindsOf(JsonElement schema, string path, int depth)
    {
        schema = Dereference(schema, path, depth);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return schema.ValueKind == JsonValueKind.False ? JsonValueKinds.None : JsonValueKinds.All;
        }

        if (HasAny(schema, "const", "enum"))
        {
            var kinds = JsonValueKinds.None;
            foreach (var value in LiteralValues(schema, path))
            {
                kinds |= KindOf(value.ValueKind);
            }

            return kinds;
        }

        foreach (string combinator in (ReadOnlySpan<string>)["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(combinator, out var branches) && branches.ValueKind == JsonValueKind.Array && depth < 32)
            {
                var kinds = JsonValueKinds.None;
                foreach (var branch in branches.EnumerateArray())
                {
                    kinds |= KindsOf(branch, path, depth + 1);
                }

                return kinds;
            }
        }

        var union = JsonValueKinds.None;
        foreach (string type in TypesOf(schema, path))
        {
            union |= type switch
            {
                "object" => JsonValueKinds.Object,
                "array" => JsonValueKinds.Array,
                "string" => JsonValueKinds.String,
                "number" or "integer" => JsonValueKinds.Number,
                "boolean" => JsonValueKinds.Boolean,
                "null" => JsonValueKinds.Null,
                _ => JsonValueKinds.All,
            };
        }

        return union;
    }

    private static JsonValueKinds KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => JsonValueKinds.Object,
        JsonValueKind.Array => JsonValueKinds.Array,
        JsonValueKind.String => JsonValueKinds.String,
        JsonValueKind.Number => JsonValueKinds.Number,
        JsonValueKind.True or JsonValueKind.False => JsonValueKinds.Boolean,
        _ => JsonValueKinds.Null,
    };

    /// <summary>The compact JSON of each value a <c>const</c>/<c>enum</c> schema lists; null for any other schema.</summary>
    private static HashSet<string>? LiteralTexts(JsonElement schema, string path) =>
        schema.ValueKind == JsonValueKind.Object && HasAny(schema, "const", "enum")
            ? LiteralValues(schema, path).Select(SameValueText).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>One spelling per value, so that 1 and 1.0 (the same number to a validator) compare equal.</summary>
    private static string SameValueText(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : GbnfText.CompactJsonOf(value);
}
