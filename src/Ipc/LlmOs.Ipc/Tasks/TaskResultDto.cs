namespace LlmOs.Ipc.Tasks;

/// <summary>The result of a finished generation; <c>finish_reason</c> is <c>stop</c> or <c>length</c>.</summary>
public sealed record TaskResultDto(string Text, int Tokens, string FinishReason);
