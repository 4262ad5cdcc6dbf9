namespace LlmOs.Engine.Generation;

/// <summary>What a backend reports when it stops: how many tokens it produced and why it stopped.</summary>
public readonly record struct GenerationEnd(int Tokens, FinishReason Reason);
