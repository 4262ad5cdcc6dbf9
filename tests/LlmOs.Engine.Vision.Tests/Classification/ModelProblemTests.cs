using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;

namespace LlmOs.Engine.Vision.Tests.Classification;

/// <summary>Models and labels that cannot be used are refused at load with <see cref="ErrorKind.ModelInvalid"/> and a reason.</summary>
public sealed class ModelProblemTests : IDisposable
{
    private readonly VisionModels _models = new();

    [Fact]
    public async Task Labels_that_do_not_match_the_outputs_are_refused()
    {
        string labels = _models.Write("labels.json", System.Text.Json.JsonSerializer.Serialize(VisionModels.ImageNetLabels[..999]));

        var e = await Refused(VisionModels.Entry(TestMedia.MobileNet, labels));

        Assert.Contains("999", e.Message, StringComparison.Ordinal);
        Assert.Contains("1000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_without_a_labels_file_is_refused()
    {
        var e = await Refused(VisionModels.Entry(TestMedia.MobileNet, null));

        Assert.Contains("labels", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("labels.json", "{\"0\":\"tench\"}")]
    [InlineData("labels.json", "[\"tench\", 3]")]
    [InlineData("labels.json", "[\"tench\",")]
    [InlineData("labels.csv", "tench,goldfish")]
    public async Task A_labels_file_that_is_not_a_list_of_names_is_refused(string name, string content)
    {
        string labels = _models.Write(name, content);

        await Refused(VisionModels.Entry(TestMedia.MobileNet, labels));
    }

    [Fact]
    public async Task A_missing_labels_file_is_refused()
    {
        var e = await Refused(VisionModels.Entry(TestMedia.MobileNet, Path.Combine(_models.Folder, "absent.json")));

        Assert.Contains("absent.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_one_per_line_in_a_txt_file_work()
    {
        string labels = _models.Write("labels.txt", string.Join("\r\n", VisionModels.ImageNetLabels) + "\n\n");

        await using var classifier = await VisionModels.Backend().LoadAsync(VisionModels.Entry(TestMedia.MobileNet, labels), CancellationToken.None);
        var answers = await classifier.ClassifyAsync([VisionModels.Photo("eagle.jpg")], 1, CancellationToken.None);

        Assert.Equal("bald eagle", answers[0][0].Label);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("random")]
    [InlineData("gguf")]
    public async Task A_file_that_is_not_ONNX_is_refused(string kind)
    {
        var random = new Random(3);
        var noise = new byte[10_000];
        random.NextBytes(noise);
        byte[] bytes = kind switch
        {
            "text" => "this is not a model"u8.ToArray(),
            "random" => noise,
            _ => File.ReadAllBytes(Path.Combine(TestMedia.Directory, "stories260K.gguf")),
        };
        string model = _models.Write("model.onnx", bytes);
        string labels = _models.Write("labels.json", "[\"a\",\"b\"]");

        var e = await Refused(VisionModels.Entry(model, labels));

        Assert.Contains("ONNX", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_model_file_is_refused()
    {
        var entry = new ModelEntry("gone", Path.Combine(_models.Folder, "gone.onnx"), ModelKind.Vision, ModelSource.Configured, false, 0, null, null)
        {
            LabelsPath = TestMedia.ImageNetLabels,
        };

        var e = await Refused(entry);

        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image out")]
    [InlineData("one channel")]
    [InlineData("three dimensions")]
    public async Task A_model_that_is_not_an_image_classifier_is_refused(string shape)
    {
        byte[] onnx = shape switch
        {
            "image out" => TinyOnnx.Identity([1, 3, 224, 224]),
            "one channel" => TinyOnnx.Model(["Flatten"], [null, 1, 4, 4], [null, 16], null),
            _ => TinyOnnx.Model(["Flatten"], [null, 3, 4], [null, 12], null),
        };
        string model = _models.Write("model.onnx", onnx);
        string labels = _models.Write("labels.json", "[\"a\"]");

        var e = await Refused(VisionModels.Entry(model, labels));

        Assert.Contains("[N,3,H,W]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_whose_output_is_not_the_size_it_declares_is_refused()
    {
        // Flatten of 3 x 2 x 2 gives 12 values; the graph declares 10.
        string model = _models.Write("liar.onnx", TinyOnnx.Model(["Flatten"], [null, 3, 2, 2], [null, 10], null));
        string labels = _models.Write("labels.json", System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(0, 10).Select(i => $"c{i}")));

        // ONNX Runtime's shape inference and the declaration disagree: the output's size is unknown, so no labels can match it.
        var e = await Refused(VisionModels.Entry(model, labels));

        Assert.Contains("its output 'output'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vision_backend_loads_only_vision_models()
    {
        var entry = VisionModels.MobileNet() with { Kind = ModelKind.Embedding };

        var e = await Assert.ThrowsAsync<EngineException>(() => VisionModels.Backend().LoadAsync(entry, CancellationToken.None));

        Assert.Equal(ErrorKind.Unsupported, e.Kind);
    }

    public void Dispose() => _models.Dispose();

    private static async Task<EngineException> Refused(ModelEntry entry)
    {
        var e = await Assert.ThrowsAsync<EngineException>(() => VisionModels.Backend().LoadAsync(entry, CancellationToken.None));
        Assert.Equal(ErrorKind.ModelInvalid, e.Kind);
        return e;
    }
}
