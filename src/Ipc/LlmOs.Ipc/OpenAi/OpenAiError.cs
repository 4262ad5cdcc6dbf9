using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// OpenAI's error object. <c>type</c> is OpenAI's class of error (<see cref="OpenAiErrorTypes"/>); <c>code</c> is llmos's
/// stable code (<c>LlmOs.Ipc.Errors.ErrorCodes</c>), the same as on the native API; <c>param</c> names the field at fault.
/// </summary>
public sealed record OpenAiError(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    string Code);
