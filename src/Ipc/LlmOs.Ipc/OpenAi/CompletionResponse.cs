using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// The answer of <c>POST /v1/completions</c>, and, as in OpenAI's API, also the shape of each streamed chunk
/// (same <c>object</c>, a choice holding the new text; the last one has the <c>finish_reason</c>).
/// </summary>
public sealed record CompletionResponse(
    [property: JsonPropertyOrder(-2)] string Id,
    long Created,
    string Model,
    IReadOnlyList<CompletionChoice> Choices,
    Usage? Usage = null,
    string? SystemFingerprint = null)
{
    public const string ObjectName = "text_completion";

    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType { get; init; } = ObjectName;
}
