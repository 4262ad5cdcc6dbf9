using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Models;

/// <summary>
/// One registry entry. <c>id</c>, <c>object</c> and <c>owned_by</c> are OpenAI's fields, so that
/// <c>GET /v1/models</c> also serves OpenAI clients; the rest is llmos's own. <c>kind</c> is <c>text</c>, <c>embedding</c>
/// or <c>vision</c> (an ONNX image classifier, whose <c>labels</c> file names its classes).
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
    string? Error = null,
    string? Labels = null)
{
    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "model";

    public string OwnedBy { get; init; } = "llmos";
}
