using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>OpenAI's embeddings response: <c>{"object":"list","data":[…],"model":…,"usage":{…}}</c>.</summary>
public sealed record EmbeddingResponse(
    [property: JsonPropertyOrder(1)] IReadOnlyList<EmbeddingData> Data,
    [property: JsonPropertyOrder(2)] string Model,
    [property: JsonPropertyOrder(3)] EmbeddingUsage Usage)
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(0)]
    public string ObjectType { get; init; } = "list";
}
