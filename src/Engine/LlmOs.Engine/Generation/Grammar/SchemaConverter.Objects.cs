using System.Text;
using System.Text.Json;

namespace LlmOs.Engine.Generation.Grammar;

internal sealed partial class SchemaConverter
{
    /// <summary>
    /// An object: its declared properties in declared order, required ones always, optional ones optional.
    /// Extra members are never generated (so <c>additionalProperties</c> only matters for an object that
    /// declares no properties: then it says what the free-form members hold).
    /// </summary>
    private string Object(JsonElement schema, string hint, string path)
    {
        string ws = Primitive("ws");
        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : (JsonElement?)null;
        var required = RequiredNames(schema, path);
        bool hasProperties = schema.TryGetProperty("properties", out var properties);
        if (hasProperties && properties.ValueKind != JsonValueKind.Object)
        {
            throw Refuse(path, "'properties' must be an object");
        }

        if ((!hasProperties || !properties.EnumerateObject().Any()) && required.Count == 0)
        {
            return additional switch
            {
                { ValueKind: JsonValueKind.False } => Rule(hint, $"\"{{\" {ws} \"}}\""),
                { ValueKind: JsonValueKind.Object } extraSchema => FreeObject(hint, Visit(extraSchema, $"{hint}-value", ChildPath(path, "additionalProperties"))),
                _ => FreeObject(hint, FreeValue(1)),
            };
        }

        // Members in declared order, then required names the schema does not declare.
        var members = new List<(string Key, string Rule, bool Required)>();
        if (hasProperties)
        {
            foreach (var property in properties.EnumerateObject())
            {
                string value = Visit(property.Value, $"{hint}-{property.Name}", ChildPath(path, "properties", property.Name));
                members.Add((property.Name, Member(hint, property.Name, value), required.Contains(property.Name)));
            }
        }

        foreach (string name in required)
        {
            if (members.Exists(m => m.Key == name))
            {
                continue;
            }

            string value = additional switch
            {
                { ValueKind: JsonValueKind.False } => throw Refuse(path, $"'{name}' is required but 'additionalProperties' is false and it is not in 'properties'"),
                { ValueKind: JsonValueKind.Object } extraSchema => Visit(extraSchema, $"{hint}-{name}", ChildPath(path, "additionalProperties")),
                _ => FreeValue(1),
            };
            members.Add((name, Member(hint, name, value), true));
        }

        return Rule(hint, $"\"{{\" {ws} {MembersFrom(0, members, hint)} {ws} \"}}\"");
    }

    private string Member(string hint, string key, string valueRule)
    {
        string ws = Primitive("ws");
        return Rule($"{hint}-{key}-kv", $"{GbnfText.Literal(GbnfText.JsonString(key))} {ws} \":\" {ws} {valueRule}");
    }

    /// <summary>
    /// The members from <paramref name="start"/> on when none has been written before them: the first one
    /// present carries no comma. An optional member gives a choice (it, then the rest with commas; or the
    /// members after it), named as a rule so that the grammar grows with the square of the members, not exponentially.
    /// </summary>
    private string MembersFrom(int start, List<(string Key, string Rule, bool Required)> members, string hint)
    {
        if (start == members.Count)
        {
            return string.Empty;
        }

        string first = $"{members[start].Rule}{MembersAfter(start + 1, members)}";
        if (members[start].Required)
        {
            return first;
        }

        string rest = MembersFrom(start + 1, members, hint);
        bool restCanBeEmpty = !members.Skip(start + 1).Any(m => m.Required);
        string body = rest.Length == 0 ? first : $"{first} | {rest}";
        return restCanBeEmpty ? $"({Rule($"{hint}-from-{start}", body)})?" : Rule($"{hint}-from-{start}", body);
    }

    /// <summary>The members from <paramref name="start"/> on after one has been written: each comes with its comma.</summary>
    private string MembersAfter(int start, List<(string Key, string Rule, bool Required)> members)
    {
        string ws = Primitive("ws");
        var text = new StringBuilder();
        for (int i = start; i < members.Count; i++)
        {
            text.Append(members[i].Required ? $" \",\" {ws} {members[i].Rule}" : $" (\",\" {ws} {members[i].Rule})?");
        }

        return text.ToString();
    }

    private static HashSet<string> RequiredNames(JsonElement schema, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!schema.TryGetProperty("required", out var required))
        {
            return names;
        }

        if (required.ValueKind != JsonValueKind.Array)
        {
            throw Refuse(path, "'required' must be a list of property names");
        }

        foreach (var name in required.EnumerateArray())
        {
            names.Add(name.ValueKind == JsonValueKind.String ? name.GetString()! : throw Refuse(path, "'required' lists a value that is not a string"));
        }

        return names;
    }

    /// <summary>An array of <c>items</c>, between <c>minItems</c> and <c>maxItems</c> long (at most <see cref="JsonSchemaGrammar.DefaultMaxItems"/> when unbounded).</summary>
    private string Array(JsonElement schema, string hint, string path)
    {
        string item = schema.TryGetProperty("items", out var items)
            ? items.ValueKind == JsonValueKind.Array
                ? throw Refuse(path, "'items' as a list (tuple validation) is not supported for constrained output")
                : Visit(items, $"{hint}-item", ChildPath(path, "items"))
            : FreeValue(1);
        var (min, max) = Bounds(schema, "minItems", "maxItems", JsonSchemaGrammar.DefaultMaxItems, path);

        string ws = Primitive("ws");
        string body = (min, max) switch
        {
            (_, 0) => $"\"[\" {ws} \"]\"",
            (0, _) => $"\"[\" {ws} ({item}{MoreItems(item, 0, max - 1)})? {ws} \"]\"",
            _ => $"\"[\" {ws} {item}{MoreItems(item, min - 1, max - 1)} {ws} \"]\"",
        };
        return Rule(hint, body);
    }

    private string MoreItems(string item, int min, int max)
    {
        if (max == 0)
        {
            return string.Empty;
        }

        string count = min == max ? $"{{{min}}}" : $"{{{min},{max}}}";
        return $" (\",\" {Primitive("ws")} {item}){count}";
    }

    /// <summary>
    /// The length range to generate: the schema's minimum, and its maximum capped at <paramref name="cap"/>
    /// (raised to the minimum when that is larger), so that the output stays finite and the grammar small.
    /// </summary>
    private static (int Min, int Max) Bounds(JsonElement schema, string minKeyword, string maxKeyword, int cap, string path)
    {
        int min = Count(schema, minKeyword, path) ?? 0;
        int? declaredMax = Count(schema, maxKeyword, path);
        if (min > declaredMax)
        {
            throw Refuse(path, $"'{minKeyword}' is larger than '{maxKeyword}': no value fits");
        }

        if (min > JsonSchemaGrammar.MaxMinimumLength)
        {
            throw Refuse(path, $"'{minKeyword}' above {JsonSchemaGrammar.MaxMinimumLength} is too long to generate");
        }

        return (min, Math.Min(declaredMax ?? int.MaxValue, Math.Max(min, cap)));
    }

    /// <summary>A non-negative integer keyword (minItems, maxLength…), or null when absent.</summary>
    private static int? Count(JsonElement schema, string keyword, string path)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int count) && count >= 0
            ? count
            : throw Refuse(path, $"'{keyword}' must be a non-negative integer");
    }
}
