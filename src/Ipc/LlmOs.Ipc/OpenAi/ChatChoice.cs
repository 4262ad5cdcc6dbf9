namespace LlmOs.Ipc.OpenAi;

/// <summary>One choice of a chat completion (llmosd always gives one): the assistant's message and why it ended.</summary>
public sealed record ChatChoice(int Index, ChatMessage Message, string? FinishReason);
