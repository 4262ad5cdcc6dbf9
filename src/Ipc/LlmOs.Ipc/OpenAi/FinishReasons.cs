namespace LlmOs.Ipc.OpenAi;

/// <summary>OpenAI's <c>finish_reason</c> values that llmosd gives.</summary>
public static class FinishReasons
{
    /// <summary>The model ended its text, or a stop sequence was met (it is not part of the text).</summary>
    public const string Stop = "stop";

    /// <summary><c>max_tokens</c> or the model's context window was reached.</summary>
    public const string Length = "length";
}
