namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// A completion's <c>prompt</c> as sent: its strings (one, or an array of them), and whether it held token ids,
/// which llmosd refuses (token ids belong to one model's vocabulary).
/// </summary>
public sealed record CompletionPrompt(IReadOnlyList<string> Texts, bool HasTokenIds = false)
{
    public CompletionPrompt(string text)
        : this([text])
    {
    }
}
