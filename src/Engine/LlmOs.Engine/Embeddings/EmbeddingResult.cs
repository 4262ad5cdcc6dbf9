namespace LlmOs.Engine.Embeddings;

/// <summary>One vector per input, in input order, and how many tokens the inputs came to.</summary>
public sealed record EmbeddingResult(IReadOnlyList<float[]> Vectors, int Tokens);
