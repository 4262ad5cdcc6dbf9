using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Models;

/// <summary><c>GET /v1/models</c>, in OpenAI's list shape.</summary>
public sealed record ModelListResponse(IReadOnlyList<ModelDto> Data)
{
    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "list";
}
