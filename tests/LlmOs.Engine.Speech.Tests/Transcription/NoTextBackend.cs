using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Speech.Tests.Transcription;

/// <summary>A scheduler's text backend for tests that run no text model.</summary>
internal sealed class NoTextBackend : ITextBackend
{
    public Task<ITextModel> LoadAsync(ModelEntry model, TextModelSettings settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("these tests load no text model");

    public bool SupportsGpuOffload => false;

    public string RenderChat(ModelEntry model, IReadOnlyList<ChatTurn> turns) => throw new NotSupportedException("these tests render no chat");
}
