namespace LlmOs.Engine.Embeddings;

/// <summary>One vector per input, in input order, and how many tokens the inputs came to.</summary>
public sealed record EmbeddingResult(IReadOnlyList<float[]> Vectors, int Tokens)
{
    /// <summary>
    /// The tokens of each input, in input order, when the model says (their sum is <see cref="Tokens"/>).
    /// The engine runs the texts of several tasks as one batch and uses these to give each task its own count.
    /// </summary>
    public IReadOnlyList<int>? TokenCounts { get; init; }
}
