namespace LlmOs.Engine.Generation;

public sealed record GenerationResult(string Text, int Tokens, FinishReason FinishReason)
{
    /// <summary>How many tokens the prompt came to (0 where the backend does not say).</summary>
    public int PromptTokens { get; init; }
}
