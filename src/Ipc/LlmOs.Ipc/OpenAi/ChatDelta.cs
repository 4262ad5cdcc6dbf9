namespace LlmOs.Ipc.OpenAi;

/// <summary>What a chunk adds to the message: the role (first chunk only) and new text.</summary>
public sealed record ChatDelta(string? Role = null, string? Content = null);
