namespace LlmOs.Client;

/// <summary>The vectors of an embedding, one per input text in input order, with the model that made them and the tokens the texts came to.</summary>
public sealed record EmbeddingsResult(string TaskId, string Model, IReadOnlyList<float[]> Vectors, int Tokens);
