using System.Text.Json;

namespace LlmOs.Engine.Generation.Grammar;

internal sealed partial class SchemaConverter
{
    /// <summary>A string: of a supported <c>format</c>, else between <c>minLength</c> and the capped <c>maxLength</c> characters.</summary>
    private string String(JsonElement schema, string hint, string path)
    {
        if (schema.TryGetProperty("format", out var format))
        {
            if (HasAny(schema, "minLength", "maxLength"))
            {
                throw Refuse(path, "'format' together with 'minLength' or 'maxLength' is not supported for constrained output");
            }

            string rule = format.GetString() switch
            {
                "date" => Primitive("date"),
                "time" => Primitive("time"),
                "date-time" => Primitive("date-time"),
                "uuid" => Primitive("uuid"),
                var other => throw Refuse(path, $"the format '{other}' is not supported for constrained output (date, time, date-time and uuid are)"),
            };
            return Rule($"{rule}-string", $"\"\\\"\" {rule} \"\\\"\"");
        }

        var (min, max) = Bounds(schema, "minLength", "maxLength", JsonSchemaGrammar.DefaultMaxStringLength, path);
        return min == 0 && max == JsonSchemaGrammar.DefaultMaxStringLength
            ? Primitive("string")
            : Rule(hint, StringBody(min, max));
    }
}
