namespace LlmOs.Engine.Llama;

public sealed class LlamaOptions
{
    /// <summary>CPU threads for decoding; 0 means one core less than the machine has (at least one).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The most prompt tokens read in one batch step, across all newcomers: a long prompt joining a running batch
    /// delays the others' next token by at most the time of one such chunk.
    /// </summary>
    public int PromptChunk { get; init; } = 128;
}
