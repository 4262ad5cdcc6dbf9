namespace LlmOs.Ipc.OpenAi;

/// <summary>The tokens an embeddings request came to (prompt and total are the same: nothing is generated).</summary>
public sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);
