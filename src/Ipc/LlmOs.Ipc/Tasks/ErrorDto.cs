namespace LlmOs.Ipc.Tasks;

/// <summary>Why a task failed or was cancelled.</summary>
public sealed record ErrorDto(string Code, string Message);
