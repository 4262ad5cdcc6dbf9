using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>One choice of a text completion; in a stream, <c>finish_reason</c> is written as null until the last chunk.</summary>
public sealed record CompletionChoice(
    string Text,
    int Index,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);
