using LlmOs.Engine.Generation;
using LlmOs.Engine.Llama;

namespace LlmOs.Engine.Tests;

/// <summary>Chat templates as found in real GGUF files, rendered by llama.cpp itself.</summary>
public sealed class LlamaChatTemplateTests
{
    /// <summary>Qwen2's tokenizer.chat_template (ChatML).</summary>
    private const string ChatMl =
        "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
        + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /// <summary>Llama 3 Instruct's tokenizer.chat_template.</summary>
    private const string Llama3 =
        "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}"
        + "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}";

    private static readonly ChatTurn[] Turns =
    [
        new("system", "Be brief."),
        new("user", "Héllo ✓"),
        new("assistant", "Hi."),
        new("user", "Why?"),
    ];

    [Fact]
    public void A_chatml_template_marks_every_turn_and_opens_the_assistant_turn()
    {
        string prompt = LlamaChatTemplate.Render(ChatMl, Turns);

        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHéllo ✓<|im_end|>\n"
            + "<|im_start|>assistant\nHi.<|im_end|>\n<|im_start|>user\nWhy?<|im_end|>\n<|im_start|>assistant\n",
            prompt);
    }

    [Fact]
    public void A_llama3_template_marks_every_turn_and_opens_the_assistant_turn()
    {
        string prompt = LlamaChatTemplate.Render(Llama3, Turns);

        Assert.Equal(
            "<|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHéllo ✓<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\nHi.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhy?<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n",
            prompt);
    }

    [Theory]
    [InlineData("{% for m in messages %}{{ m.content }} ~~ {% endfor %}")]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_template_llama_cpp_knows_the_plain_format_is_used(string? template)
    {
        Assert.Equal(PlainChatFormat.Render(Turns), LlamaChatTemplate.Render(template, Turns));
    }
}
