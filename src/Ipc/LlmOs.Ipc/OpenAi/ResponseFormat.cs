namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// <c>response_format</c>: <c>{"type":"text"}</c> (free text), <c>{"type":"json_object"}</c> (any JSON object), or
/// <c>{"type":"json_schema","json_schema":{…}}</c> (JSON valid against the schema; generation is constrained by a grammar).
/// </summary>
public sealed record ResponseFormat(string? Type, JsonSchemaFormat? JsonSchema = null)
{
    public const string TextType = "text";
    public const string JsonObjectType = "json_object";
    public const string JsonSchemaType = "json_schema";
}
