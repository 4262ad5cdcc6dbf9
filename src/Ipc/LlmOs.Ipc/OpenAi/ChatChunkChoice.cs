using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>A choice's piece in a chunk; <c>finish_reason</c> is written as null until the last one, as OpenAI does.</summary>
public sealed record ChatChunkChoice(
    int Index,
    ChatDelta Delta,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason = null);
