namespace LlmOs.Engine.Errors;

/// <summary>Why a task ended in <c>failed</c>: kept with the task so every reader sees the same reason.</summary>
public sealed record TaskError(ErrorKind Kind, string Message);
