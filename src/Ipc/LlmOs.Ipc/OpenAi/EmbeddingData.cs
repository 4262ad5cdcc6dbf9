using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// One vector of an OpenAI embeddings response. <c>embedding</c> is an array of floats, or with
/// <c>encoding_format: base64</c> a string: the little-endian float32 bytes in base64.
/// </summary>
public sealed record EmbeddingData([property: JsonPropertyOrder(1)] int Index, [property: JsonPropertyOrder(2)] object Embedding)
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(0)]
    public string ObjectType { get; init; } = "embedding";
}
