namespace LlmOs.Engine.Llama;

public sealed class LlamaOptions
{
    /// <summary>Upper bound on a model's context window; the model's own trained length caps it too.</summary>
    public int ContextSize { get; init; } = 2048;

    /// <summary>CPU threads for decoding; 0 means one core less than the machine has (at least one).</summary>
    public int Threads { get; init; }

    /// <summary>How many prompt tokens go to the model in one decode call.</summary>
    public int BatchSize { get; init; } = 512;
}
