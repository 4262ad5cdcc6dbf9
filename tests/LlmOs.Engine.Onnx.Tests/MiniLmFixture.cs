using LlmOs.Engine.Embeddings;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Onnx.Tests;

/// <summary>The built-in MiniLM, loaded once for all the tests of a class (loading takes most of a second).</summary>
public sealed class MiniLmFixture : IAsyncLifetime
{
    public MiniLmEmbeddingBackend Backend { get; } = new(new MiniLmOptions(), NullLogger<MiniLmEmbeddingBackend>.Instance);

    public IEmbeddingModel Model { get; private set; } = null!;

    public async Task InitializeAsync() => Model = await Backend.LoadAsync(Backend.BuiltinModels[0], CancellationToken.None);

    public async Task DisposeAsync() => await Model.DisposeAsync();

    public async Task<float[]> EmbedOneAsync(string text) => (await Model.EmbedAsync([text], CancellationToken.None)).Vectors[0];
}
