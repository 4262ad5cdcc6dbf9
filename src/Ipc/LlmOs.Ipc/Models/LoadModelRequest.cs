using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Models;

/// <summary><c>POST /v1/models/{name}/load</c>: <c>keep_alive</c> as seconds or a duration like "10m"; -1 keeps it loaded.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LoadModelRequest(JsonElement? KeepAlive = null);
