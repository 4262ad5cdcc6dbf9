namespace LlmOs.Ipc.OpenAi;

/// <summary><c>{"error":{…}}</c> in OpenAI's shape: the body of every refusal on the OpenAI-compatible endpoints, and a stream's error event.</summary>
public sealed record OpenAiErrorResponse(OpenAiError Error);
