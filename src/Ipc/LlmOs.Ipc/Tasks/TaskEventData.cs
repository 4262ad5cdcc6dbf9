namespace LlmOs.Ipc.Tasks;

/// <summary>
/// The <c>data</c> of one Server-Sent Event: always the task id; <c>text</c> on <c>delta</c>;
/// the whole task on <c>started</c> and on the final event.
/// </summary>
public sealed record TaskEventData(string TaskId, string? Text = null, TaskDto? Task = null);
