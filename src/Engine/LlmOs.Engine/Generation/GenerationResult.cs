namespace LlmOs.Engine.Generation;

public sealed record GenerationResult(string Text, int Tokens, FinishReason FinishReason);
