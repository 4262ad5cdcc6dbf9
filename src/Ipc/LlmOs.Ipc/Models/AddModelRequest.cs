using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Models;

/// <summary><c>POST /v1/models</c>: register a model file the daemon can read.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddModelRequest(string? Path, string? Name = null, bool Default = false);
