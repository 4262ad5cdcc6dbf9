using System.Text.Json;
using LlmOs.Engine.Generation.Grammar;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

internal sealed partial class OpenAiRequestValidator
{
    /// <summary>What <c>json_object</c> asks for: any JSON object (free-form members), as OpenAI's JSON mode gives.</summary>
    private static readonly JsonElement AnyObject = JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone();

    /// <summary>
    /// The grammar a <c>response_format</c> asks for: none for text; for <c>json_schema</c> one derived from the schema, so that
    /// every answer parses and validates against it (a schema it cannot honour is refused, naming
    /// <c>response_format.json_schema.schema</c>); for <c>json_object</c> one for any JSON object.
    /// </summary>
    private static string? Grammar(ResponseFormat? format)
    {
        switch (format?.Type)
        {
            case null when format is null:
            case ResponseFormat.TextType:
                return null;
            case ResponseFormat.JsonObjectType:
                return JsonSchemaGrammar.ToGbnf(AnyObject);
            case ResponseFormat.JsonSchemaType:
                var schema = format.JsonSchema?.Schema
                    ?? throw Invalid("response_format.json_schema.schema", "'response_format.json_schema.schema' is required for \"json_schema\"");
                if (schema.ValueKind is not (JsonValueKind.Object or JsonValueKind.True))
                {
                    throw Invalid("response_format.json_schema.schema", "'response_format.json_schema.schema' must be a JSON Schema object");
                }

                return JsonSchemaGrammar.ToGbnf(schema);
            default:
                throw Invalid("response_format.type", "'response_format.type' must be \"text\", \"json_object\" or \"json_schema\"");
        }
    }
}
