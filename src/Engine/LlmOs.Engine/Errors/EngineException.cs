namespace LlmOs.Engine.Errors;

/// <summary>A refusal or failure the engine can explain to a client.</summary>
public sealed class EngineException(ErrorKind kind, string message, string? field = null, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>The input field at fault, when there is one ("options.model").</summary>
    public string? Field { get; } = field;

    /// <summary>For <see cref="ErrorKind.Busy"/>: when trying again makes sense.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
