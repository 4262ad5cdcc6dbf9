namespace LlmOs.Ipc.Tasks;

/// <summary>
/// The result of a finished task. A generation has its <c>text</c>, its <c>tokens</c> and <c>finish_reason</c>
/// (<c>stop</c> or <c>length</c>). An embedding has one vector per input text in <c>embeddings</c>, in input order,
/// and the <c>tokens</c> the texts came to; its <c>text</c> is empty and its <c>finish_reason</c> is <c>stop</c>.
/// </summary>
public sealed record TaskResultDto(string Text, int Tokens, string FinishReason, IReadOnlyList<float[]>? Embeddings = null);
