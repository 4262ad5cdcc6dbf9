namespace LlmOs.Engine.Models;

/// <summary>
/// The transformer dimensions a GGUF header declares (<c>{arch}.block_count</c>, <c>.embedding_length</c>,
/// <c>.attention.head_count[_kv]</c>, <c>.attention.key_length</c>/<c>value_length</c>): enough to size the KV cache before loading.
/// </summary>
public sealed record GgufShape(int Layers, int EmbeddingLength, int HeadCount, int HeadCountKv, int KeyLength, int ValueLength);
