using System.Text.Json;

namespace LlmOs.Ipc.OpenAi;

/// <summary>The <c>json_schema</c> of a <see cref="ResponseFormat"/>: a name, the JSON Schema itself, and OpenAI's <c>strict</c> flag (always honoured).</summary>
public sealed record JsonSchemaFormat(string? Name, JsonElement? Schema = null, string? Description = null, bool? Strict = null);
