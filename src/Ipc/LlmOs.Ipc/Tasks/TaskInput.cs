using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Tasks;

/// <summary>The input of a task; <c>prompt</c> for <c>generate</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaskInput(string? Prompt);
