using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// One <c>data:</c> event of a streamed chat completion. The first carries the role, the next ones text, the last of a
/// choice its <c>finish_reason</c>; with <c>stream_options.include_usage</c> one more carries the usage and no choices.
/// </summary>
public sealed record ChatCompletionChunk(
    [property: JsonPropertyOrder(-2)] string Id,
    long Created,
    string Model,
    IReadOnlyList<ChatChunkChoice> Choices,
    Usage? Usage = null,
    string? SystemFingerprint = null)
{
    public const string ObjectName = "chat.completion.chunk";

    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType { get; init; } = ObjectName;
}
