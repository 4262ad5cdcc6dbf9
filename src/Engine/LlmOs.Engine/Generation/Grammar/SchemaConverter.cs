using System.Text;
using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Generation.Grammar;

/// <summary>
/// One conversion of a JSON Schema into GBNF: walks the schema, names one rule per sub-schema (identical
/// rules are shared) and writes them out with <c>root</c> first. See <see cref="JsonSchemaGrammar"/> for what it supports.
/// </summary>
internal sealed partial class SchemaConverter(JsonElement root)
{
    private const string RootRule = "root";

    private readonly List<(string Name, string Body)> _rules = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal) { RootRule };
    private readonly Dictionary<string, string> _nameByBody = new(StringComparer.Ordinal);

    public string Convert()
    {
        string rootExpression = Visit(root, RootRule, "#");
        var text = new StringBuilder();
        text.Append(RootRule).Append(" ::= ").Append(rootExpression).Append('\n');
        foreach (var (name, body) in _rules)
        {
            text.Append(name).Append(" ::= ").Append(body).Append('\n');
        }

        return text.ToString();
    }

    public static EngineException Refuse(string path, string why) =>
        new(ErrorKind.InvalidInput, $"the JSON schema at {path}: {why}", JsonSchemaGrammar.SchemaField);

    /// <summary>A GBNF expression (usually a rule name) matching exactly the values that <paramref name="schema"/> accepts, or a subset.</summary>
    private string Visit(JsonElement schema, string hint, string path)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return FreeValue(0);
            case JsonValueKind.False:
                throw Refuse(path, "the schema 'false' admits no value");
            case JsonValueKind.Object:
                break;
            default:
                throw Refuse(path, "a schema must be an object or a boolean");
        }

        SchemaKeywords.EnsureSupported(schema, path);
        if (schema.TryGetProperty("$ref", out var reference))
        {
            SchemaKeywords.EnsureOnlyAnnotationsBeside(schema, path, "$ref");
            return Reference(reference, path);
        }

        if (schema.TryGetProperty("const", out _) || schema.TryGetProperty("enum", out _))
        {
            return Literals(schema, hint, path);
        }

        foreach (string combinator in (ReadOnlySpan<string>)["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(combinator, out var branches))
            {
                SchemaKeywords.EnsureOnlyAnnotationsBeside(schema, path, combinator);
                return Choice(combinator, branches, hint, path);
            }
        }

        var types = TypesOf(schema, path);
        if (types.Count == 1)
        {
            return OfType(types[0], schema, hint, path);
        }

        var alternatives = new List<string>(types.Count);
        foreach (string type in types)
        {
            alternatives.Add(OfType(type, schema, $"{hint}-{type}", path));
        }

        return Rule(hint, string.Join(" | ", alternatives));
    }

    /// <summary>
    /// The types a schema allows: its <c>type</c>, else the one its keywords imply (properties mean an object…),
    /// else any. Narrowing a type-less schema to one type keeps the grammar a subset of what validates.
    /// </summary>
    private static List<string> TypesOf(JsonElement schema, string path)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            var types = new List<string>();
            if (type.ValueKind == JsonValueKind.String)
            {
                types.Add(KnownType(type.GetString()!, path));
            }
            else if (type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0)
            {
                foreach (var item in type.EnumerateArray())
                {
                    string name = item.ValueKind == JsonValueKind.String ? KnownType(item.GetString()!, path) : throw Refuse(path, "'type' lists a value that is not a string");
                    if (!types.Contains(name))
                    {
                        types.Add(name);
                    }
                }
            }
            else
            {
                throw Refuse(path, "'type' must be a type name or a non-empty list of them");
            }

            return types;
        }

        if (HasAny(schema, "properties", "required", "additionalProperties"))
        {
            return ["object"];
        }

        if (HasAny(schema, "items", "minItems", "maxItems"))
        {
            return ["array"];
        }

        return HasAny(schema, "minLength", "maxLength", "format") ? ["string"] : ["any"];
    }

    private static string KnownType(string name, string path) => name switch
    {
        "object" or "array" or "string" or "number" or "integer" or "boolean" or "null" => name,
        _ => throw Refuse(path, $"'{name}' is not a JSON Schema type"),
    };

    private static bool HasAny(JsonElement schema, params ReadOnlySpan<string> keywords)
    {
        foreach (string keyword in keywords)
        {
            if (schema.TryGetProperty(keyword, out _))
            {
                return true;
            }
        }

        return false;
    }

    private string OfType(string type, JsonElement schema, string hint, string path) => type switch
    {
        "object" => Object(schema, hint, path),
        "array" => Array(schema, hint, path),
        "string" => String(schema, hint, path),
        "number" => Primitive("number"),
        "integer" => Primitive("integer"),
        "boolean" => Primitive("boolean"),
        "null" => Primitive("null"),
        _ => FreeValue(0),
    };

    /// <summary>Adds a rule named after <paramref name="hint"/> (or finds the identical one already written) and returns its name.</summary>
    private string Rule(string hint, string body)
    {
        if (_nameByBody.TryGetValue(body, out string? existing))
        {
            return existing;
        }

        string name = Reserve(hint);
        Define(name, body);
        return name;
    }

    private string Reserve(string hint)
    {
        string baseName = GbnfText.RuleName(hint);
        string name = baseName;
        for (int i = 2; !_names.Add(name); i++)
        {
            name = $"{baseName}-{i}";
        }

        return name;
    }

    private void Define(string name, string body)
    {
        _rules.Add((name, body));
        _nameByBody.TryAdd(body, name);
    }

    private static string ChildPath(string path, string keyword, string? name = null) =>
        name is null ? $"{path}/{keyword}" : $"{path}/{keyword}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
}
