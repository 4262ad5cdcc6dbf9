namespace LlmOs.Engine.Generation;

/// <summary>How to sample a continuation. Validated by the daemon before it reaches the engine.</summary>
public sealed record GenerationOptions
{
    public int MaxTokens { get; init; } = 256;

    /// <summary>0 means greedy: always the most likely token, so output depends only on the prompt.</summary>
    public float Temperature { get; init; } = 0.8f;

    public float TopP { get; init; } = 0.95f;

    public uint? Seed { get; init; }

    /// <summary>Text that ends generation; it is not part of the result.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>A GBNF grammar (root rule <c>root</c>) every sampled token must keep to; null for free text.</summary>
    public string? Grammar { get; init; }
}
