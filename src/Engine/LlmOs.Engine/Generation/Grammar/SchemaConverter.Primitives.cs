namespace LlmOs.Engine.Generation.Grammar;

internal sealed partial class SchemaConverter
{
    /// <summary>The name of a shared rule (ws, string, number, date…), written on first use with the rules it needs.</summary>
    private string Primitive(string name)
    {
        if (_names.Contains(name))
        {
            return name;
        }

        string body = name switch
        {
            "ws" => GbnfPrimitives.Whitespace,
            "char" => GbnfPrimitives.StringChar,
            "string" => StringBody(0, JsonSchemaGrammar.DefaultMaxStringLength),
            "integer" => GbnfPrimitives.Integer,
            "number" => Uses(GbnfPrimitives.Number, "integer"),
            "boolean" => GbnfPrimitives.Boolean,
            "null" => GbnfPrimitives.Null,
            "day28" => GbnfPrimitives.DayTo28,
            "day30" => Uses("day28 | \"29\" | \"30\"", "day28"),
            "day31" => Uses("day30 | \"31\"", "day30"),
            "date" => Uses(GbnfPrimitives.Date, "day28", "day30", "day31"),
            "time" => GbnfPrimitives.Time,
            "date-time" => Uses("date \"T\" time", "date", "time"),
            "uuid" => GbnfPrimitives.Uuid,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such shared rule"),
        };

        _names.Add(name);
        Define(name, body);
        return name;
    }

    private string Uses(string body, params ReadOnlySpan<string> rules)
    {
        foreach (string rule in rules)
        {
            Primitive(rule);
        }

        return body;
    }

    /// <summary>A JSON string of <paramref name="min"/> to <paramref name="max"/> characters.</summary>
    private string StringBody(int min, int max)
    {
        Primitive("char");
        string count = min == max ? $"{{{min}}}" : $"{{{min},{max}}}";
        return $"\"\\\"\" char{count} \"\\\"\"";
    }

    /// <summary>
    /// Any JSON value, its objects and arrays nested at most <see cref="JsonSchemaGrammar.MaxFreeFormDepth"/> deep
    /// below <paramref name="depth"/> and holding at most <see cref="JsonSchemaGrammar.DefaultMaxItems"/> members.
    /// </summary>
    private string FreeValue(int depth)
    {
        string name = $"value-{depth}";
        if (_names.Contains(name))
        {
            return name;
        }

        _names.Add(name);
        string scalars = $"{Primitive("string")} | {Primitive("number")} | {Primitive("boolean")} | {Primitive("null")}";
        if (depth >= JsonSchemaGrammar.MaxFreeFormDepth)
        {
            Define(name, scalars);
            return name;
        }

        string inner = FreeValue(depth + 1);
        Define(name, $"{FreeObject($"object-{depth}", inner)} | {FreeArray(depth, inner)} | {scalars}");
        return name;
    }

    /// <summary>An object of up to <see cref="JsonSchemaGrammar.DefaultMaxItems"/> members whose values match <paramref name="valueRule"/>.</summary>
    private string FreeObject(string hint, string valueRule)
    {
        string ws = Primitive("ws");
        string member = Rule($"{hint}-member", $"{Primitive("string")} {ws} \":\" {ws} {valueRule}");
        return Rule(hint, $"\"{{\" {ws} ({member} (\",\" {ws} {member}){{0,{JsonSchemaGrammar.DefaultMaxItems - 1}}})? {ws} \"}}\"");
    }

    private string FreeArray(int depth, string itemRule)
    {
        string ws = Primitive("ws");
        return Rule($"array-{depth}", $"\"[\" {ws} ({itemRule} (\",\" {ws} {itemRule}){{0,{JsonSchemaGrammar.DefaultMaxItems - 1}}})? {ws} \"]\"");
    }
}
