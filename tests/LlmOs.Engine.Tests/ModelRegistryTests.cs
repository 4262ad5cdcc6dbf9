using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _modelsDirectory;
    private readonly string _stateFile;

    public ModelRegistryTests()
    {
        _modelsDirectory = _temp.Combine("models");
        _stateFile = _temp.Combine("state", "registry.json");
        Directory.CreateDirectory(_modelsDirectory);
    }

    public void Dispose() => _temp.Dispose();

    private ModelRegistry CreateRegistry(string? defaultModel = null, IReadOnlyList<ModelDeclaration>? configured = null, TimeProvider? time = null, TimeSpan? rescan = null) =>
        new(
            new ModelRegistryOptions
            {
                ModelsDirectory = _modelsDirectory,
                StateFile = _stateFile,
                DefaultModel = defaultModel,
                Configured = configured ?? [],
                RescanInterval = rescan ?? TimeSpan.Zero,
            },
            time ?? TimeProvider.System);

    private string AddToModelsFolder(string name) => _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", name + ".gguf"));

    /// <summary>A valid model outside the models folder, as a user would add one.</summary>
    private string Elsewhere(string name) => _temp.CopyFile(TestModels.Stories260K, Path.Combine("elsewhere", name + ".gguf"));

    [Fact]
    public void Scan_lists_gguf_files_of_the_models_folder_with_their_metadata()
    {
        string path = AddToModelsFolder("stories");
        File.WriteAllText(Path.Combine(_modelsDirectory, "notes.txt"), "not a model");

        var entry = Assert.Single(CreateRegistry().List());

        Assert.Equal("stories", entry.Name);
        Assert.Equal(path, entry.Path);
        Assert.Equal(ModelSource.ModelsDirectory, entry.Source);
        Assert.Equal(ModelKind.Text, entry.Kind);
        Assert.Equal(new FileInfo(TestModels.Stories260K).Length, entry.SizeBytes);
        Assert.True(entry.IsValid);
        Assert.Null(entry.InvalidReason);
        Assert.Equal("llama", entry.Metadata?.Architecture);
        Assert.Equal(2048, entry.Metadata?.ContextLength);
        Assert.Equal(292_800, entry.Metadata?.ParameterCount);
    }

    [Fact]
    public void Missing_models_folder_lists_nothing()
    {
        Directory.Delete(_modelsDirectory);

        Assert.Empty(CreateRegistry().List());
    }

    [Fact]
    public void Single_valid_model_is_what_a_request_without_a_name_gets()
    {
        AddToModelsFolder("stories");

        Assert.Equal("stories", CreateRegistry().Resolve(null).Name);
    }

    [Fact]
    public void Truncated_file_is_listed_with_a_reason_and_resolving_it_throws_model_invalid()
    {
        AddToModelsFolder("good");
        _temp.CopyPrefix(TestModels.Stories260K, 100_000, Path.Combine("models", "broken.gguf"));
        var registry = CreateRegistry();

        var broken = Assert.Single(registry.List(), e => e.Name == "broken");

        Assert.False(broken.IsValid);
        Assert.Contains("truncated", broken.InvalidReason, StringComparison.Ordinal);
        Assert.Null(broken.Metadata);
        Assert.Equal(100_000, broken.SizeBytes);
        var e = Assert.Throws<EngineException>(() => registry.Resolve("broken"));
        Assert.Equal(ErrorKind.ModelInvalid, e.Kind);
        Assert.Equal("options.model", e.Field);
        Assert.Equal("good", registry.Resolve(null).Name); // the broken one does not count as a candidate
    }

    [Fact]
    public void Only_invalid_models_means_needs_model()
    {
        _temp.CopyPrefix(TestModels.Stories260K, 100_000, Path.Combine("models", "broken.gguf"));

        var e = Assert.Throws<EngineException>(() => CreateRegistry().Resolve(null));

        Assert.Equal(ErrorKind.NeedsModel, e.Kind);
    }

    [Fact]
    public void Unknown_name_throws_model_not_found()
    {
        AddToModelsFolder("stories");

        var e = Assert.Throws<EngineException>(() => CreateRegistry().Resolve("other"));

        Assert.Equal(ErrorKind.ModelNotFound, e.Kind);
        Assert.Equal("options.model", e.Field);
    }

    [Fact]
    public void Added_default_model_is_persisted_and_a_new_registry_resolves_null_to_it()
    {
        AddToModelsFolder("stories");
        string path = Elsewhere("mine");

        var added = CreateRegistry().Add(path, "my-model", makeDefault: true);

        Assert.Equal("my-model", added.Name);
        Assert.Equal(ModelSource.Added, added.Source);
        Assert.True(added.IsDefault);
        Assert.True(File.Exists(_stateFile));

        var restarted = CreateRegistry();
        var entry = Assert.Single(restarted.List(), e => e.Name == "my-model");
        Assert.Equal(path, entry.Path);
        Assert.Equal(ModelSource.Added, entry.Source);
        Assert.True(entry.IsDefault);
        Assert.False(Assert.Single(restarted.List(), e => e.Name == "stories").IsDefault);
        Assert.Equal("my-model", restarted.Resolve(null).Name);
    }

    [Fact]
    public void Add_without_a_name_uses_the_file_name_and_a_later_default_replaces_the_earlier()
    {
        var registry = CreateRegistry();
        registry.Add(Elsewhere("first"), null, makeDefault: true);
        registry.Add(Elsewhere("second"), null, makeDefault: true);

        Assert.Equal(["first", "second"], registry.List().Select(e => e.Name));
        Assert.Equal("second", registry.Resolve(null).Name);
        Assert.Equal("second", CreateRegistry().Resolve(null).Name);
    }

    [Theory]
    [InlineData("models/stories.gguf", "path")]
    [InlineData("", "path")]
    [InlineData("/no/such/dir/model.gguf", "path")]
    public void Add_of_relative_or_missing_path_throws_invalid_input(string path, string field)
    {
        var e = Assert.Throws<EngineException>(() => CreateRegistry().Add(path, "name", makeDefault: false));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(field, e.Field);
        Assert.False(File.Exists(_stateFile));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("")]
    [InlineData("ünïcode")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789xxxxx")]
    public void Add_with_a_bad_name_throws_invalid_input(string name)
    {
        string path = Elsewhere("valid");

        var e = Assert.Throws<EngineException>(() => CreateRegistry().Add(path, name, makeDefault: false));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("name", e.Field);
        Assert.False(File.Exists(_stateFile));
    }

    [Fact]
    public void Add_of_a_corrupt_file_throws_model_invalid_and_remembers_nothing()
    {
        string path = _temp.CopyPrefix(TestModels.Stories260K, 5000, Path.Combine("elsewhere", "cut.gguf"));

        var e = Assert.Throws<EngineException>(() => CreateRegistry().Add(path, "cut", makeDefault: false));

        Assert.Equal(ErrorKind.ModelInvalid, e.Kind);
        Assert.False(File.Exists(_stateFile));
        Assert.Empty(CreateRegistry().List());
    }

    [Fact]
    public void Two_valid_models_without_a_default_throw_model_not_found_naming_both()
    {
        AddToModelsFolder("alpha");
        AddToModelsFolder("beta");

        var e = Assert.Throws<EngineException>(() => CreateRegistry().Resolve(null));

        Assert.Equal(ErrorKind.ModelNotFound, e.Kind);
        Assert.Contains("alpha", e.Message, StringComparison.Ordinal);
        Assert.Contains("beta", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_default_model_wins_over_a_user_added_default()
    {
        AddToModelsFolder("alpha");
        AddToModelsFolder("beta");
        CreateRegistry().Add(Elsewhere("mine"), "mine", makeDefault: true);

        var registry = CreateRegistry(defaultModel: "beta");

        Assert.Equal("beta", registry.Resolve(null).Name);
        Assert.Equal(["beta"], registry.List().Where(e => e.IsDefault).Select(e => e.Name));
    }

    [Fact]
    public void Configured_model_is_listed_and_overrides_a_folder_file_of_the_same_name()
    {
        AddToModelsFolder("stories");
        string configuredPath = Elsewhere("other-file");

        var registry = CreateRegistry(configured: [new ModelDeclaration("stories", configuredPath, IsDefault: true)]);

        var entry = Assert.Single(registry.List());
        Assert.Equal(ModelSource.Configured, entry.Source);
        Assert.Equal(configuredPath, entry.Path);
        Assert.True(entry.IsDefault);
    }

    [Fact]
    public void Configured_model_whose_file_is_missing_is_listed_as_invalid()
    {
        var registry = CreateRegistry(configured: [new ModelDeclaration("ghost", _temp.Combine("nowhere.gguf"))]);

        var entry = Assert.Single(registry.List());
        Assert.False(entry.IsValid);
        Assert.Contains("does not exist", entry.InvalidReason, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.ModelInvalid, Assert.Throws<EngineException>(() => registry.Resolve("ghost")).Kind);
    }

    [Fact]
    public void Files_added_to_the_folder_appear_on_the_next_scan()
    {
        var registry = CreateRegistry();
        Assert.Empty(registry.List());

        AddToModelsFolder("late");

        Assert.Equal("late", Assert.Single(registry.List()).Name);
    }

    [Fact]
    public void Scan_is_reused_until_the_rescan_interval_has_passed()
    {
        var time = new ManualTimeProvider();
        var registry = CreateRegistry(time: time, rescan: TimeSpan.FromSeconds(2));
        Assert.Empty(registry.List());

        AddToModelsFolder("late");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(registry.List());

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("late", Assert.Single(registry.List()).Name);
    }

    [Fact]
    public void File_that_is_replaced_by_a_truncated_copy_is_read_again()
    {
        string path = AddToModelsFolder("stories");
        var registry = CreateRegistry();
        Assert.True(Assert.Single(registry.List()).IsValid);

        File.WriteAllBytes(path, File.ReadAllBytes(TestModels.Stories260K).AsSpan(0, 100_000).ToArray());

        Assert.False(Assert.Single(registry.List()).IsValid);
    }

    [Fact]
    public void File_with_an_overflowing_tensor_shape_is_listed_as_invalid_without_breaking_the_listing()
    {
        AddToModelsFolder("good");
        using (var writer = new GgufWriter())
        {
            writer.Header(tensors: 1, kvs: 0)
                .Tensor("w", [1L << 40, 1L << 40], type: 0, offset: 0)
                .AlignTo(32)
                .Zeros(64)
                .SaveTo(Path.Combine(_modelsDirectory, "overflow.gguf"));
        }

        var registry = CreateRegistry();
        var entries = registry.List();

        Assert.Equal(["good", "overflow"], entries.Select(e => e.Name));
        Assert.False(entries[1].IsValid);
        Assert.Equal("good", registry.Resolve(null).Name);
    }
}
