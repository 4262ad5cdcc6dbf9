using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// Source-generated JSON for OpenAI's embeddings endpoint, with OpenAI's snake_case names. <c>float[]</c> and
/// <c>string</c> are listed for <see cref="EmbeddingData.Embedding"/>, which holds either.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EmbeddingRequest))]
[JsonSerializable(typeof(EmbeddingResponse))]
[JsonSerializable(typeof(float[]))]
[JsonSerializable(typeof(string))]
public sealed partial class OpenAiEmbeddingJsonContext : JsonSerializerContext;
