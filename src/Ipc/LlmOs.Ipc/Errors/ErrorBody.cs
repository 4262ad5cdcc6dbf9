namespace LlmOs.Ipc.Errors;

/// <summary>The <c>error</c> object: a stable code, a message for people, the field at fault, and for busy when to retry.</summary>
public sealed record ErrorBody(string Code, string Message, string? Field = null, double? RetryAfterS = null);
