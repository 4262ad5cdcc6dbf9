namespace LlmOs.Engine.Generation;

/// <summary>One message of a chat: <c>system</c>, <c>user</c> or <c>assistant</c>, and its text.</summary>
public sealed record ChatTurn(string Role, string Content);
