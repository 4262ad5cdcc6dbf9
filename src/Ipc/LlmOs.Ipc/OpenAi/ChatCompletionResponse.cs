using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>The answer of a non-streamed <c>POST /v1/chat/completions</c>.</summary>
public sealed record ChatCompletionResponse(
    [property: JsonPropertyOrder(-2)] string Id,
    long Created,
    string Model,
    IReadOnlyList<ChatChoice> Choices,
    Usage? Usage = null,
    string? SystemFingerprint = null)
{
    public const string ObjectName = "chat.completion";

    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType { get; init; } = ObjectName;
}
