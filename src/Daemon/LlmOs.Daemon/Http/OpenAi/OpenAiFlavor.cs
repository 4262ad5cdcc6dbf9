namespace LlmOs.Daemon.Http.OpenAi;

/// <summary>Which OpenAI endpoint an answer is for: it decides the id prefix and the shape of answers and chunks.</summary>
internal enum OpenAiFlavor
{
    /// <summary><c>/v1/chat/completions</c>: ids <c>chatcmpl-…</c>, a message, chunks with a delta.</summary>
    Chat,

    /// <summary><c>/v1/completions</c>: ids <c>cmpl-…</c>, text, chunks with text.</summary>
    Completion,
}
