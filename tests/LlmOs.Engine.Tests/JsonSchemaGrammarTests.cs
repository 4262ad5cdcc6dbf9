using System.Text.Json;
using Json.Schema;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation.Grammar;

namespace LlmOs.Engine.Tests;

/// <summary>
/// Schemas turned into grammars, the grammars run by llama.cpp on stories260K (its text is nonsense), and
/// every output parsed and validated against its schema by an independent validator (JsonSchema.Net).
/// </summary>
public sealed class JsonSchemaGrammarTests(Stories260KFixture model) : IClassFixture<Stories260KFixture>
{
    private static readonly uint[] Seeds = [1, 2, 3, 42];

    [Theory]
    [InlineData("""
        {"type":"object","properties":{
          "name":{"type":"string","maxLength":12},
          "age":{"type":"integer"},
          "happy":{"type":"boolean"},
          "mood":{"enum":["glad","sad",3,null]},
          "tags":{"type":"array","items":{"type":"string","maxLength":6},"maxItems":3},
          "home":{"type":"object","properties":{"town":{"type":"string","minLength":2,"maxLength":8},"zip":{"type":"number"}},"required":["town"]}},
         "required":["name","age","happy","mood","tags","home"],"additionalProperties":false}
        """)]
    [InlineData("""
        {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string","maxLength":5},"c":{"type":"boolean"},"d":{"const":"fixed"}},"required":["c"]}
        """)]
    [InlineData("""
        {"type":"object","properties":{"x":{"type":"integer"},"y":{"type":"boolean"}}}
        """)]
    [InlineData("""
        {"anyOf":[{"type":"integer"},{"type":"object","properties":{"kind":{"const":"box"},"size":{"type":"number"}},"required":["kind","size"]}]}
        """)]
    [InlineData("""
        {"$defs":{"point":{"type":"object","properties":{"x":{"type":"integer"},"y":{"type":"integer"}},"required":["x","y"]}},
         "type":"object","properties":{"from":{"$ref":"#/$defs/point"},"to":{"$ref":"#/$defs/point"}},"required":["from","to"]}
        """)]
    [InlineData("""
        {"$schema":"http://json-schema.org/draft-07/schema#",
         "definitions":{"label":{"type":["string","null"],"maxLength":10},"node":{"type":"object","properties":{"label":{"$ref":"#/definitions/label"},"next":{"anyOf":[{"$ref":"#/definitions/node"},{"type":"null"}]}},"required":["label","next"]}},
         "$ref":"#/definitions/node"}
        """)]
    [InlineData("""
        {"type":["string","null","integer"],"maxLength":4}
        """)]
    [InlineData("""
        {"oneOf":[{"type":"string","format":"date"},{"type":"null"},{"type":"object","properties":{"at":{"type":"string","format":"date-time"},"id":{"type":"string","format":"uuid"}},"required":["at","id"]}]}
        """)]
    [InlineData("""
        {"type":"object","properties":{"day":{"type":"string","format":"date"},"at":{"type":"string","format":"date-time"},"alarm":{"type":"string","format":"time"},"id":{"type":"string","format":"uuid"}},"required":["day","at","alarm","id"]}
        """)]
    [InlineData("""
        {"type":"array","items":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]},"minItems":2,"maxItems":4}
        """)]
    [InlineData("""
        {"type":"object","additionalProperties":{"type":"integer"}}
        """)]
    [InlineData("""
        {"type":"object","properties":{"qu\"ote\\ ü\n":{"enum":["a\"b","line\nbreak","ü",{"k":[1,2.5]}]}},"required":["qu\"ote\\ ü\n","undeclared"]}
        """)]
    [InlineData("{}")]
    [InlineData("""{"type":"object"}""")]
    public void The_model_writes_json_that_validates_against_the_schema(string schemaText)
    {
        using var schemaDocument = JsonDocument.Parse(schemaText);
        string gbnf = JsonSchemaGrammar.ToGbnf(schemaDocument.RootElement);
        var validator = JsonSchema.FromText(schemaText);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        foreach (uint seed in Seeds)
        {
            string? output = model.Generate(gbnf, seed);
            Assert.True(output is not null, $"seed {seed}: the grammar did not end within max_tokens\n{gbnf}");
            using var document = JsonDocument.Parse(output);
            var result = validator.Evaluate(document.RootElement, options);
            Assert.True(result.IsValid, $"seed {seed}: {output}\ndoes not validate:\n{JsonSerializer.Serialize(result)}\n{gbnf}");
        }
    }

    [Theory]
    [InlineData("""{"type":"string","pattern":"^a+$"}""", "pattern")]
    [InlineData("""{"type":"object","properties":{"n":{"type":"integer","minimum":3}}}""", "minimum")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"uniqueItems":true}""", "uniqueItems")]
    [InlineData("""{"not":{"type":"string"}}""", "not")]
    [InlineData("""{"type":"string","format":"email"}""", "email")]
    [InlineData("""{"$ref":"other.json#/a"}""", "outside")]
    [InlineData("""{"$ref":"#/$defs/missing"}""", "points to nothing")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":["string","null"]}]}""", "oneOf")]
    [InlineData("""{"oneOf":[{"const":1},{"enum":[2,1.0]}]}""", "oneOf")]
    [InlineData("""{"type":"array","minItems":3,"maxItems":2}""", "minItems")]
    [InlineData("""{"type":"object","properties":{"a":false},"required":["a"]}""", "false")]
    [InlineData("""{"type":"string","enum":[1,2]}""", "enum")]
    public void A_schema_the_grammar_cannot_honour_is_refused(string schemaText, string mentioned)
    {
        using var schemaDocument = JsonDocument.Parse(schemaText);
        var refused = Assert.Throws<EngineException>(() => JsonSchemaGrammar.ToGbnf(schemaDocument.RootElement));
        Assert.Equal(ErrorKind.InvalidInput, refused.Kind);
        Assert.Equal("response_format.json_schema.schema", refused.Field);
        Assert.Contains(mentioned, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_properties_keep_their_declared_order_and_commas()
    {
        using var schemaDocument = JsonDocument.Parse("""{"type":"object","properties":{"a":{"const":1},"b":{"const":2},"c":{"const":3}},"required":["b"]}""");
        string gbnf = JsonSchemaGrammar.ToGbnf(schemaDocument.RootElement);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        for (uint seed = 1; seed <= 24; seed++)
        {
            string output = model.Generate(gbnf, seed) ?? throw new InvalidOperationException("no end");
            outputs.Add(output.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        Assert.Subset(new HashSet<string>(StringComparer.Ordinal) { """{"b":2}""", """{"a":1,"b":2}""", """{"b":2,"c":3}""", """{"a":1,"b":2,"c":3}""" }, outputs);
    }
}
