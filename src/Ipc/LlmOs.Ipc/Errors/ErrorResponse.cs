namespace LlmOs.Ipc.Errors;

/// <summary><c>{"error":{…}}</c>, the body of every refused request.</summary>
public sealed record ErrorResponse(ErrorBody Error);
