using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>Image classifiers in the registry: <c>.onnx</c> files with their labels, added or found, resolved apart from text and embedding models.</summary>
public sealed class VisionRegistryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _models;
    private readonly string _state;

    public VisionRegistryTests()
    {
        _models = _temp.Combine("models");
        _state = _temp.Combine("state", "registry.json");
        Directory.CreateDirectory(_models);
    }

    public void Dispose() => _temp.Dispose();

    private ModelRegistry Registry(IReadOnlyList<ModelDeclaration>? configured = null, IReadOnlyList<ModelEntry>? builtin = null, string? defaultModel = null) => new(
        new ModelRegistryOptions
        {
            ModelsDirectory = _models,
            StateFile = _state,
            Configured = configured ?? [],
            Builtin = builtin ?? [],
            DefaultModel = defaultModel,
            RescanInterval = TimeSpan.Zero,
        },
        TimeProvider.System);

    private string Copy(string source, string relative) => _temp.CopyFile(source, relative);

    private string Write(string relative, string content)
    {
        string path = _temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void An_onnx_file_with_json_labels_beside_it_is_a_usable_vision_model()
    {
        string model = Copy(VisionFiles.MobileNet, "models/mobilenet.onnx");
        string labels = Copy(VisionFiles.ImageNetLabels, "models/mobilenet.labels.json");

        var entry = Assert.Single(Registry().List());

        Assert.Equal(("mobilenet", ModelKind.Vision, ModelSource.ModelsDirectory), (entry.Name, entry.Kind, entry.Source));
        Assert.Equal(model, entry.Path);
        Assert.Equal(labels, entry.LabelsPath);
        Assert.Equal(new FileInfo(VisionFiles.MobileNet).Length, entry.SizeBytes);
        Assert.True(entry.IsValid, entry.InvalidReason);
        Assert.Null(entry.Metadata);
    }

    [Fact]
    public void Text_labels_beside_it_do_as_well_and_gguf_files_stay_text_models()
    {
        Copy(VisionFiles.MobileNet, "models/birds.onnx");
        string labels = Write("models/birds.labels.txt", "bald eagle\nkite\n\nvulture\n");
        Copy(TestModels.Stories260K, "models/stories.gguf");

        var entries = Registry().List();

        var birds = entries.Single(e => e.Name == "birds");
        Assert.Equal((ModelKind.Vision, labels), (birds.Kind, birds.LabelsPath));
        Assert.True(birds.IsValid, birds.InvalidReason);
        var stories = entries.Single(e => e.Name == "stories");
        Assert.Equal(ModelKind.Text, stories.Kind);
        Assert.Equal("llama", stories.Metadata?.Architecture);
    }

    [Fact]
    public void An_onnx_file_without_labels_is_listed_as_invalid_and_says_what_is_missing()
    {
        Copy(VisionFiles.MobileNet, "models/mobilenet.onnx");

        var entry = Assert.Single(Registry().List());

        Assert.Equal(ModelKind.Vision, entry.Kind);
        Assert.False(entry.IsValid);
        Assert.Equal("no labels file beside it (mobilenet.labels.json or .txt)", entry.InvalidReason);
        Assert.Equal(ErrorKind.NeedsModel, Assert.Throws<EngineException>(() => Registry().ResolveVision(null)).Kind);
    }

    [Fact]
    public void Labels_beside_it_that_are_no_labels_make_it_invalid_with_the_reason()
    {
        Copy(VisionFiles.MobileNet, "models/a.onnx");
        Write("models/a.labels.json", "{\"0\": \"tench\"}");
        Copy(VisionFiles.MobileNet, "models/b.onnx");
        Write("models/b.labels.txt", "\n  \n");

        var entries = Registry().List();

        Assert.Contains("not a JSON array of strings", entries.Single(e => e.Name == "a").InvalidReason);
        Assert.Contains("holds no labels", entries.Single(e => e.Name == "b").InvalidReason);
    }

    [Fact]
    public void Add_with_labels_remembers_them_across_restarts()
    {
        string model = Copy(VisionFiles.MobileNet, "elsewhere/mobilenetv2.onnx");
        string labels = Copy(VisionFiles.ImageNetLabels, "labels/imagenet.json");

        var added = Registry().Add(model, "mobilenet", makeDefault: false, labels);

        Assert.Equal((ModelKind.Vision, ModelSource.Added, labels), (added.Kind, added.Source, added.LabelsPath));
        Assert.True(added.IsValid, added.InvalidReason);
        var again = Registry().List().Single(e => e.Name == "mobilenet");
        Assert.Equal((model, labels, ModelSource.Added), (again.Path, again.LabelsPath, again.Source));
        Assert.Contains("imagenet.json", File.ReadAllText(_state));
    }

    [Fact]
    public void Add_without_labels_takes_the_ones_beside_the_model_and_remembers_them()
    {
        string model = Copy(VisionFiles.MobileNet, "elsewhere/mobilenet.onnx");
        string labels = Copy(VisionFiles.ImageNetLabels, "elsewhere/mobilenet.labels.json");

        var added = Registry().Add(model, null, makeDefault: false);

        Assert.Equal(("mobilenet", labels), (added.Name, added.LabelsPath));
        Assert.Contains("mobilenet.labels.json", File.ReadAllText(_state));
    }

    [Fact]
    public void Add_refuses_missing_or_bad_labels_on_the_labels_field_and_remembers_nothing()
    {
        string model = Copy(VisionFiles.MobileNet, "elsewhere/mobilenet.onnx");
        string notStrings = Write("labels/numbers.json", "[1, 2, 3]");
        string notJson = Write("labels/broken.json", "[\"tench\", ");
        string empty = Write("labels/empty.txt", "");
        var registry = Registry();

        void Refused(string? labels, string words)
        {
            var e = Assert.Throws<EngineException>(() => registry.Add(model, "mobilenet", makeDefault: false, labels));
            Assert.Equal((ErrorKind.InvalidInput, "labels"), (e.Kind, e.Field));
            Assert.Contains(words, e.Message);
        }

        Refused(null, "needs its labels");
        Refused(_temp.Combine("labels", "missing.json"), "does not exist");
        Refused(notStrings, "not a JSON array of strings");
        Refused(notJson, "not valid JSON");
        Refused(empty, "holds no labels");
        Refused("relative/labels.json", "must be absolute");
        Assert.Empty(registry.List());
        Assert.False(File.Exists(_state));
    }

    [Fact]
    public void A_text_model_takes_no_labels()
    {
        string model = Copy(TestModels.Stories260K, "elsewhere/stories.gguf");
        string labels = Copy(VisionFiles.ImageNetLabels, "labels/imagenet.json");

        var e = Assert.Throws<EngineException>(() => Registry().Add(model, null, makeDefault: false, labels));

        Assert.Equal((ErrorKind.InvalidInput, "labels"), (e.Kind, e.Field));
    }

    [Fact]
    public void A_configured_classifier_carries_its_labels()
    {
        string model = Copy(VisionFiles.MobileNet, "elsewhere/net.onnx");
        string labels = Copy(VisionFiles.ImageNetLabels, "labels/imagenet.json");

        var entry = Assert.Single(Registry([new ModelDeclaration("net", model, Labels: labels)]).List());

        Assert.Equal((ModelKind.Vision, ModelSource.Configured, labels), (entry.Kind, entry.Source, entry.LabelsPath));
        Assert.True(entry.IsValid, entry.InvalidReason);
    }

    [Fact]
    public void ResolveVision_takes_the_marked_default_else_the_first_valid_by_name_and_marking_it_keeps_the_text_default()
    {
        Copy(VisionFiles.MobileNet, "models/zebra.onnx");
        Copy(VisionFiles.ImageNetLabels, "models/zebra.labels.json");
        Copy(VisionFiles.MobileNet, "models/aaa-broken.onnx");
        Copy(VisionFiles.MobileNet, "models/birds.onnx");
        Copy(VisionFiles.ImageNetLabels, "models/birds.labels.json");
        string story = Copy(TestModels.Stories260K, "elsewhere/story.gguf");
        Copy(TestModels.Stories260K, "models/other.gguf");
        var registry = Registry();

        Assert.Equal("birds", registry.ResolveVision(null).Name);

        registry.Add(story, "story", makeDefault: true);
        registry.Add(_temp.Combine("models", "zebra.onnx"), "zebra-added", makeDefault: true);

        Assert.Equal("zebra-added", registry.ResolveVision(null).Name);
        Assert.Equal("story", registry.Resolve(null).Name);
        Assert.Equal(["story", "zebra-added"], registry.List().Where(e => e.IsDefault).Select(e => e.Name));
        Assert.Equal("zebra", registry.ResolveVision("zebra").Name);
    }

    [Fact]
    public void Each_resolver_refuses_the_other_kinds_by_name_with_a_clear_message()
    {
        Copy(VisionFiles.MobileNet, "models/mobilenet.onnx");
        Copy(VisionFiles.ImageNetLabels, "models/mobilenet.labels.json");
        Copy(VisionFiles.MobileNet, "models/nolabels.onnx");
        Copy(TestModels.Stories260K, "models/stories.gguf");
        var embedder = new ModelEntry("minilm", "builtin", ModelKind.Embedding, ModelSource.Builtin, false, 1000, null, null);
        var registry = Registry(builtin: [embedder]);

        static EngineException Refused(Func<ModelEntry> resolve) => Assert.Throws<EngineException>(() => resolve());

        var textAsVision = Refused(() => registry.ResolveVision("stories"));
        Assert.Equal((ErrorKind.InvalidInput, "options.model"), (textAsVision.Kind, textAsVision.Field));
        Assert.Equal("model 'stories' is a text model, not an image classifier", textAsVision.Message);
        Assert.Equal("model 'minilm' is an embedding model, not an image classifier", Refused(() => registry.ResolveVision("minilm")).Message);
        Assert.Equal("model 'mobilenet' is an image classifier; it cannot generate text", Refused(() => registry.Resolve("mobilenet")).Message);
        Assert.Equal("model 'mobilenet' is an image classifier, not an embedding model", Refused(() => registry.ResolveEmbedding("mobilenet")).Message);
        Assert.Equal(ErrorKind.ModelInvalid, Refused(() => registry.ResolveVision("nolabels")).Kind);
        Assert.Equal(ErrorKind.ModelNotFound, Refused(() => registry.ResolveVision("nope")).Kind);

        // Unnamed, no resolver strays into another kind: the text model and the embedder stay the defaults of theirs.
        Assert.Equal("stories", registry.Resolve(null).Name);
        Assert.Equal("minilm", registry.ResolveEmbedding(null).Name);
        Assert.Equal("mobilenet", registry.ResolveVision(null).Name);
    }

    [Fact]
    public void With_no_classifier_the_request_needs_one_and_is_told_how_to_add_it()
    {
        Copy(TestModels.Stories260K, "models/stories.gguf");

        var e = Assert.Throws<EngineException>(() => Registry().ResolveVision(null));

        Assert.Equal(ErrorKind.NeedsModel, e.Kind);
        Assert.Equal("no image classifier is installed; add one with 'llmosctl models add MODEL.onnx --labels LABELS.json'", e.Message);
    }
}
