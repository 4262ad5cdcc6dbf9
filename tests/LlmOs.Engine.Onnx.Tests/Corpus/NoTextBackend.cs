using LlmOs.Engine.Errors;
using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The text backend of a machine with no language model installed: the corpus measures templates and embeddings
/// alone, so the registry lists no text model and nothing ever asks this backend to load one.
/// </summary>
internal sealed class NoTextBackend : ITextBackend
{
    public bool SupportsGpuOffload => false;

    public Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken) =>
        throw new EngineException(ErrorKind.NeedsModel, $"the corpus runs without a language model, yet '{model.Name}' was to be loaded");

    public string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns) => PlainChatFormat.Render(turns);
}
