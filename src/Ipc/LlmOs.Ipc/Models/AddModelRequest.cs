using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Models;

/// <summary>
/// <c>POST /v1/models</c>: register a model file the daemon can read. An ONNX image classifier (<c>.onnx</c>) needs its
/// <c>labels</c>: a <c>.json</c> array of strings or a <c>.txt</c> file with one label per line, in output order.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddModelRequest(string? Path, string? Name = null, bool Default = false, string? Labels = null);
