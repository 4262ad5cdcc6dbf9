using LlmOs.Engine.Errors;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Http.OpenAi;

internal sealed partial class OpenAiRequestValidator
{
    /// <summary>The grammar a <c>response_format</c> asks for: none for text, one derived from the JSON Schema otherwise.</summary>
    private static string? Grammar(ResponseFormat? format)
    {
        switch (format?.Type)
        {
            case null when format is null:
            case ResponseFormat.TextType:
                return null;
            case ResponseFormat.JsonObjectType:
            case ResponseFormat.JsonSchemaType:
                throw new EngineException(ErrorKind.Unsupported, "JSON output ('response_format' json_object or json_schema) is not available in this llmosd yet", "response_format");
            default:
                throw Invalid("response_format.type", "'response_format.type' must be \"text\", \"json_object\" or \"json_schema\"");
        }
    }
}
