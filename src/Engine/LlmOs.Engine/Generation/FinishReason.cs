namespace LlmOs.Engine.Generation;

/// <summary>Why a generation ended (OpenAI's <c>finish_reason</c> words).</summary>
public enum FinishReason
{
    /// <summary>The model ended its text, or a stop sequence was met.</summary>
    Stop,

    /// <summary><c>max_tokens</c> or the context window was reached.</summary>
    Length,
}
