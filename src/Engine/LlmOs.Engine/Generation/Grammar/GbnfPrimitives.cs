namespace LlmOs.Engine.Generation.Grammar;

/// <summary>The shared GBNF rules for JSON's scalar values and whitespace, with the caps of <see cref="JsonSchemaGrammar"/>.</summary>
internal static class GbnfPrimitives
{
    /// <summary>At most one space: JSON needs none, and a small model left free can print spaces forever.</summary>
    public const string Whitespace = "\" \"?";

    /// <summary>One character of a JSON string: no quote, backslash or control character unescaped; escapes without \u.</summary>
    public const string StringChar = """[^"\\\x7F\x00-\x1F] | "\\" ["\\/nrt]""";

    public static readonly string Integer =
        $"\"-\"? (\"0\" | [1-9] [0-9]{{0,{JsonSchemaGrammar.MaxIntegerDigits - 1}}})";

    public static readonly string Number =
        $"integer (\".\" [0-9]{{1,{JsonSchemaGrammar.MaxFractionDigits}}})?";

    public const string Boolean = "\"true\" | \"false\"";

    public const string Null = "\"null\"";

    public const string DayTo28 = "\"0\" [1-9] | \"1\" [0-9] | \"2\" [0-8]";

    /// <summary>RFC 3339 full-date; February stops at the 28th so that no leap-year rule is needed, years run 1000-9999.</summary>
    public const string Date =
        "[1-9] [0-9]{3} \"-\" (\"0\" [13578] \"-\" day31 | \"1\" [02] \"-\" day31 | \"0\" [469] \"-\" day30 | \"11-\" day30 | \"02-\" day28)";

    public const string Time =
        "([01] [0-9] | \"2\" [0-3]) \":\" [0-5] [0-9] \":\" [0-5] [0-9] (\".\" [0-9]{1,3})? (\"Z\" | [+-] ([01] [0-9] | \"2\" [0-3]) \":\" [0-5] [0-9])";

    public const string Uuid =
        "[0-9a-f]{8} \"-\" [0-9a-f]{4} \"-\" [0-9a-f]{4} \"-\" [0-9a-f]{4} \"-\" [0-9a-f]{12}";
}
