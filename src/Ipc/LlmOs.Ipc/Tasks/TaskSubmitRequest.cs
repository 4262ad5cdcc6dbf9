using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Tasks;

/// <summary><c>POST /v1/tasks</c>. Unknown fields are refused, so a typo never passes silently.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaskSubmitRequest(string? Kind, TaskInput? Input, TaskOptions? Options = null, bool Stream = false);
