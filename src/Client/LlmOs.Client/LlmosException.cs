namespace LlmOs.Client;

/// <summary>The daemon refused a request or a task failed; <see cref="Code"/> is a stable code from <c>LlmOs.Ipc.Errors.ErrorCodes</c>.</summary>
public class LlmosException(string code, string message, string? field = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
