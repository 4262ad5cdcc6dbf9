using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>The scheduler's text side, which these tests never use: they embed only.</summary>
internal sealed class NoTextBackend : ITextBackend
{
    public bool SupportsGpuOffload => false;

    public Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("these tests load no text model");

    public string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns) => PlainChatFormat.Render(turns);
}
