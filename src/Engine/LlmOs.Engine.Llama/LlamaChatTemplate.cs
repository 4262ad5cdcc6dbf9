using LLama;
using LLama.Exceptions;
using LlmOs.Engine.Generation;

namespace LlmOs.Engine.Llama;

/// <summary>
/// Applies a GGUF model's chat template (<c>tokenizer.chat_template</c>) through llama.cpp's built-in template
/// support, which recognises the common template families (ChatML, Llama 2 and 3, Mistral, Gemma, Phi…) by their
/// text rather than running Jinja. A model without a template, or with one llama.cpp does not recognise, gets
/// <see cref="PlainChatFormat"/> instead.
/// </summary>
/// <remarks>
/// The rendered prompt holds the template's special-token markers (<c>&lt;|im_start|&gt;</c>…) as text: it must be
/// tokenized with special-token parsing on for the model to see them as the tokens it was trained on.
/// Needs llama.cpp's native library, which LLamaSharp loads on first use.
/// </remarks>
internal static class LlamaChatTemplate
{
    public static string Render(string? template, IReadOnlyList<ChatTurn> turns)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return PlainChatFormat.Render(turns);
        }

        var chat = new LLamaTemplate(template) { AddAssistant = true };
        foreach (var turn in turns)
        {
            chat.Add(turn.Role, turn.Content);
        }

        try
        {
            return LLamaTemplate.Encoding.GetString(chat.Apply());
        }
        catch (MissingTemplateException)
        {
            return PlainChatFormat.Render(turns); // llama.cpp does not know this template
        }
    }
}
