using System.Text.Json;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// OpenAI's <c>POST /v1/embeddings</c>. <c>input</c> is a string or an array of strings (OpenAI's token-array forms are
/// refused); <c>encoding_format</c> is <c>float</c> (default) or <c>base64</c>; <c>dimensions</c> must be the model's own.
/// Unknown fields are ignored, as OpenAI clients send fields this server has no use for.
/// </summary>
public sealed record EmbeddingRequest(JsonElement Input, string? Model = null, string? EncodingFormat = null, int? Dimensions = null, string? User = null);
