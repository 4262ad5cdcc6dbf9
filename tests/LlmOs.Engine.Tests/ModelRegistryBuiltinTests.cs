using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests;

/// <summary>Built-in models (the embedder a backend ships) beside model files: listed, and never confused with text models.</summary>
public sealed class ModelRegistryBuiltinTests : IDisposable
{
    private static readonly ModelEntry Embedder = new("embedder", "builtin", ModelKind.Embedding, ModelSource.Builtin, false, 1000, null, null);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ModelRegistry CreateRegistry(string? defaultModel = null, params string[] textModels)
    {
        Directory.CreateDirectory(_temp.Combine("models"));
        foreach (string name in textModels)
        {
            _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", name + ".gguf"));
        }

        return new ModelRegistry(
            new ModelRegistryOptions
            {
                ModelsDirectory = _temp.Combine("models"),
                StateFile = _temp.Combine("state.json"),
                Builtin = [Embedder],
                DefaultModel = defaultModel,
                RescanInterval = TimeSpan.Zero,
            },
            TimeProvider.System);
    }

    [Fact]
    public void Builtin_models_are_listed_beside_the_files()
    {
        var entries = CreateRegistry(null, "stories").List();

        Assert.Equal(["embedder", "stories"], entries.Select(e => e.Name));
        Assert.Equal(ModelSource.Builtin, entries[0].Source);
        Assert.Equal(ModelKind.Embedding, entries[0].Kind);
    }

    [Fact]
    public void A_file_of_the_same_name_wins_over_a_builtin_model()
    {
        var entry = Assert.Single(CreateRegistry(null, "embedder").List());

        Assert.Equal(ModelSource.ModelsDirectory, entry.Source);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => CreateRegistry().ResolveEmbedding("embedder")).Kind);
    }

    [Fact]
    public void With_only_the_builtin_embedder_text_resolution_needs_a_model_and_embedding_resolution_finds_it()
    {
        var registry = CreateRegistry();

        Assert.Equal(ErrorKind.NeedsModel, Assert.Throws<EngineException>(() => registry.Resolve(null)).Kind);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => registry.Resolve("embedder")).Kind);
        Assert.Equal("embedder", registry.ResolveEmbedding(null).Name);
    }

    [Fact]
    public void The_only_text_model_is_the_default_text_model_even_beside_the_embedder()
    {
        var registry = CreateRegistry(null, "stories");

        Assert.Equal("stories", registry.Resolve(null).Name);
        Assert.Equal("embedder", registry.ResolveEmbedding(null).Name);
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => registry.ResolveEmbedding("stories")).Kind);
    }

    [Fact]
    public void A_configured_default_that_names_the_embedder_is_not_taken_for_text()
    {
        var registry = CreateRegistry("embedder", "a", "b");

        Assert.Equal(ErrorKind.ModelNotFound, Assert.Throws<EngineException>(() => registry.Resolve(null)).Kind);
        Assert.Equal("embedder", registry.ResolveEmbedding(null).Name);
    }
}
