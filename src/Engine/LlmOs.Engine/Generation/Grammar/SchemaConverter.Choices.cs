using System.Text.Json;

namespace LlmOs.Engine.Generation.Grammar;

internal sealed partial class SchemaConverter
{
    private readonly Dictionary<string, string> _ruleByReference = new(StringComparer.Ordinal);

    /// <summary><c>const</c> or <c>enum</c>: exactly the listed values (those of the schema's <c>type</c>, if it has one), spelled as compact JSON.</summary>
    private string Literals(JsonElement schema, string hint, string path)
    {
        SchemaKeywords.EnsureOnlyAnnotationsBeside(schema, path, schema.TryGetProperty("const", out _) ? "const" : "enum", "type");
        var alternatives = new List<string>();
        foreach (var value in LiteralValues(schema, path))
        {
            string literal = GbnfText.Literal(GbnfText.CompactJsonOf(value));
            if (!alternatives.Contains(literal))
            {
                alternatives.Add(literal);
            }
        }

        return alternatives.Count > 0
            ? Rule(hint, string.Join(" | ", alternatives))
            : throw Refuse(path, "no value of 'enum' or 'const' has the schema's 'type'");
    }

    private static List<JsonElement> LiteralValues(JsonElement schema, string path)
    {
        bool hasConst = schema.TryGetProperty("const", out var constant);
        bool hasEnum = schema.TryGetProperty("enum", out var listed);
        if (hasConst && hasEnum)
        {
            throw Refuse(path, "'const' together with 'enum' is not supported for constrained output");
        }

        if (hasEnum && (listed.ValueKind != JsonValueKind.Array || listed.GetArrayLength() == 0))
        {
            throw Refuse(path, "'enum' must be a non-empty list");
        }

        var types = schema.TryGetProperty("type", out _) ? TypesOf(schema, path) : null;
        var values = hasConst ? [constant] : listed.EnumerateArray().ToList();
        return types is null ? values : values.FindAll(v => types.Exists(t => HasType(v, t)));
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsWhole(value),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private static bool IsWhole(JsonElement number) =>
        number.TryGetDecimal(out decimal exact) ? exact == decimal.Truncate(exact) : double.IsInteger(number.GetDouble());

    /// <summary><c>anyOf</c> and <c>oneOf</c> as alternatives (<c>oneOf</c> only when no value can match two branches); a one-branch <c>allOf</c> as its branch.</summary>
    private string Choice(string combinator, JsonElement branches, string hint, string path)
    {
        if (branches.ValueKind != JsonValueKind.Array || branches.GetArrayLength() == 0)
        {
            throw Refuse(path, $"'{combinator}' must be a non-empty list of schemas");
        }

        string branchesPath = ChildPath(path, combinator);
        if (combinator == "allOf")
        {
            return Visit(branches[0], hint, $"{branchesPath}/0");
        }

        if (combinator == "oneOf")
        {
            EnsureExclusive(branches, branchesPath);
        }

        var alternatives = new List<string>();
        int index = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            string alternative = Visit(branch, $"{hint}-{index}", $"{branchesPath}/{index}");
            index++;
            if (!alternatives.Contains(alternative))
            {
                alternatives.Add(alternative);
            }
        }

        return alternatives.Count == 1 ? alternatives[0] : Rule(hint, string.Join(" | ", alternatives));
    }

    /// <summary>A <c>$ref</c> inside this schema document (<c>#</c>, <c>#/$defs/…</c>, <c>#/definitions/…</c>, any JSON pointer), one rule per target, recursion allowed.</summary>
    private string Reference(JsonElement reference, string path)
    {
        string target = reference.ValueKind == JsonValueKind.String ? reference.GetString()! : throw Refuse(path, "'$ref' must be a string");
        if (_ruleByReference.TryGetValue(target, out string? existing))
        {
            return existing;
        }

        var schema = Resolve(target, path);
        int slash = target.LastIndexOf('/');
        string name = Reserve(slash < 0 ? "def-root" : $"def-{target[(slash + 1)..]}");
        _ruleByReference[target] = name;
        Define(name, Visit(schema, name, target));
        return name;
    }

    private JsonElement Resolve(string reference, string path)
    {
        if (!reference.StartsWith('#'))
        {
            throw Refuse(path, $"the $ref '{reference}' points outside this schema; only references inside it (#/$defs/…) are supported");
        }

        var node = root;
        string pointer = Uri.UnescapeDataString(reference[1..]);
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw Refuse(path, $"the $ref '{reference}' is not a JSON pointer; anchors are not supported");
        }

        foreach (string raw in pointer.Split('/').Skip(1))
        {
            string segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            bool found = node.ValueKind switch
            {
                JsonValueKind.Object => node.TryGetProperty(segment, out node),
                JsonValueKind.Array => int.TryParse(segment, out int i) && i >= 0 && i < node.GetArrayLength() && (node = node[i]).ValueKind != JsonValueKind.Undefined,
                _ => false,
            };
            if (!found)
            {
                throw Refuse(path, $"the $ref '{reference}' points to nothing in this schema");
            }
        }

        return node;
    }
}
