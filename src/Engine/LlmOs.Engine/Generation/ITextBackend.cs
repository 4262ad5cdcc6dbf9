using LlmOs.Engine.Models;

namespace LlmOs.Engine.Generation;

/// <summary>Loads text models of one file format (llama.cpp for GGUF). The seam the scheduler's fakes implement.</summary>
public interface ITextBackend
{
    Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken);

    /// <summary>True when this backend can put model layers on a GPU (llama.cpp built with CUDA, Vulkan …).</summary>
    bool SupportsGpuOffload { get; }

    /// <summary>
    /// Turns a chat into the prompt text for <paramref name="model"/>, with the model's own chat template where it
    /// has one this backend can apply, else <see cref="PlainChatFormat"/>. Needs only the model's metadata, not the model loaded.
    /// </summary>
    string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns);
}
