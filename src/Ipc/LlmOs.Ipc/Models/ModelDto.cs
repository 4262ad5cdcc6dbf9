using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Models;

/// <summary>
/// One registry entry. <c>id</c>, <c>object</c> and <c>owned_by</c> are OpenAI's fields, so that
/// <c>GET /v1/models</c> also serves OpenAI clients; the rest is llmos's own.
/// </summary>
public sealed record ModelDto(
    string Id,
    string Kind,
    string Format,
    string State,
    bool Default,
    string Path,
    long SizeBytes,
    string Source,
    string? Architecture = null,
    long? Parameters = null,
    int? ContextLength = null,
    string? Quantization = null,
    bool? HasChatTemplate = null,
    string? Error = null)
{
    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "model";

    public string OwnedBy { get; init; } = "llmos";
}
