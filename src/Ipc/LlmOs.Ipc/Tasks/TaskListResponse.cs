namespace LlmOs.Ipc.Tasks;

/// <summary><c>GET /v1/tasks</c>.</summary>
public sealed record TaskListResponse(IReadOnlyList<TaskDto> Tasks);
