using LlmOs.Engine.Models;

namespace LlmOs.Engine.Generation;

/// <summary>Loads text models of one file format (llama.cpp for GGUF). The seam the scheduler's fakes implement.</summary>
public interface ITextBackend
{
    Task<ITextModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken);
}
