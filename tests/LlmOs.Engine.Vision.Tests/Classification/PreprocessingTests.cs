using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Vision.Tests.Classification;

/// <summary>
/// Where the preprocessing comes from: the model's metadata, then the <c>.preprocess.json</c> sidecar, then the
/// ImageNet defaults. The tiny models make the effect exact: their "logits" are the preprocessed input itself.
/// </summary>
public sealed class PreprocessingTests : IDisposable
{
    private static readonly string[] TwelveLabels = [.. Enumerable.Range(0, 12).Select(i => $"value {i}")];

    private readonly VisionModels _models = new();

    [Fact]
    public async Task A_sidecar_mean_changes_the_probabilities_of_the_real_model()
    {
        var eagle = VisionModels.Photo("eagle.jpg");
        string model = CopyMobileNet("mobilenet.onnx");
        var plain = await ClassifyAsync(model, eagle);

        _models.Write("mobilenet.preprocess.json", """{"mean":[0.3,0.6,0.2]}""");
        var shifted = await ClassifyAsync(model, eagle);

        Assert.True(Math.Abs(plain[0].Probability - shifted.Single(l => l.Label == plain[0].Label).Probability) > 0.01f,
            $"{plain[0]} against {string.Join(", ", shifted)}");
    }

    [Fact]
    public async Task A_sidecar_holding_the_ImageNet_defaults_changes_nothing()
    {
        var dog = VisionModels.Photo("dog.jpg");
        string model = CopyMobileNet("mobilenet.onnx");
        var plain = await ClassifyAsync(model, dog);

        _models.Write("mobilenet.preprocess.json",
            """{"input_size":224,"resize":256,"mean":[0.485,0.456,0.406],"std":[0.229,0.224,0.225],"channel_order":"rgb","output":"logits"}""");
        var explicitDefaults = await ClassifyAsync(model, dog);

        Assert.Equal(plain, explicitDefaults);
    }

    [Fact]
    public async Task Model_metadata_is_honoured_and_wins_over_the_sidecar()
    {
        var eagle = VisionModels.Photo("eagle.jpg");
        string withMetadata = CopyMobileNet("tagged.onnx", new Dictionary<string, string> { ["llmos.mean"] = "0.3, 0.6, 0.2" });
        string withSidecar = CopyMobileNet("plain.onnx");
        _models.Write("plain.preprocess.json", """{"mean":[0.3,0.6,0.2]}""");
        var bySidecar = await ClassifyAsync(withSidecar, eagle);

        var byMetadata = await ClassifyAsync(withMetadata, eagle);
        _models.Write("tagged.preprocess.json", """{"mean":[0.485,0.456,0.406]}""");
        var byMetadataOverSidecar = await ClassifyAsync(withMetadata, eagle);

        Assert.Equal(bySidecar, byMetadata);
        Assert.Equal(bySidecar, byMetadataOverSidecar);
    }

    [Theory]
    [InlineData("rgb", 0)]
    [InlineData("bgr", 8)]
    public async Task The_channel_order_decides_which_plane_holds_red(string order, int firstRedValue)
    {
        string model = _models.Write("planes.onnx", TinyOnnx.Flatten(null, 2, 2));
        _models.Write("planes.preprocess.json", $$"""{"mean":[0,0,0],"std":[1,1,1],"channel_order":"{{order}}"}""");

        var answer = await ClassifyAsync(model, VisionModels.Solid(10, 10, 255, 0, 0), TwelveLabels, top: 4);

        // Red is 1 in its four values, 0 elsewhere: softmax gives each of the four e / (4e + 8).
        Assert.Equal(Enumerable.Range(firstRedValue, 4).Select(i => $"value {i}").Order(), answer.Select(l => l.Label).Order());
        Assert.All(answer, l => Assert.Equal(Math.E / ((4 * Math.E) + 8), l.Probability, 1e-5));
    }

    [Fact]
    public async Task A_model_that_outputs_probabilities_gets_no_second_softmax()
    {
        string model = _models.Write("planes.onnx", TinyOnnx.Flatten(null, 2, 2,
            new Dictionary<string, string> { ["llmos.output"] = "probabilities", ["llmos.mean"] = "0,0,0", ["llmos.std"] = "1,1,1" }));

        var answer = await ClassifyAsync(model, VisionModels.Solid(4, 4, 0, 255, 0), TwelveLabels, top: 5);

        Assert.All(answer.Take(4), l => Assert.Equal(1f, l.Probability));
        Assert.Equal(0f, answer[4].Probability);
        Assert.All(answer.Take(4), l => Assert.Contains(l.Label, new[] { "value 4", "value 5", "value 6", "value 7" }));
    }

    [Fact]
    public async Task The_normalisation_is_value_over_255_minus_mean_over_std()
    {
        string model = _models.Write("planes.onnx", TinyOnnx.Flatten(null, 2, 2,
            new Dictionary<string, string> { ["llmos.output"] = "probabilities", ["llmos.mean"] = "0.5,0.25,0", ["llmos.std"] = "0.5,0.25,2" }));

        var answer = await ClassifyAsync(model, VisionModels.Solid(3, 3, 255, 51, 102), TwelveLabels, top: 12);

        float Value(int i) => answer.Single(l => l.Label == $"value {i}").Probability;
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal((1f - 0.5f) / 0.5f, Value(i), 1e-5f));
        Assert.All(Enumerable.Range(4, 4), i => Assert.Equal((0.2f - 0.25f) / 0.25f, Value(i), 1e-5f));
        Assert.All(Enumerable.Range(8, 4), i => Assert.Equal(0.4f / 2f, Value(i), 1e-5f));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(null)]
    public async Task Every_image_of_a_call_gets_its_own_answer_whatever_the_models_batch(int? batch)
    {
        string model = _models.Write("planes.onnx", TinyOnnx.Flatten(batch, 2, 2,
            new Dictionary<string, string> { ["llmos.mean"] = "0,0,0", ["llmos.std"] = "1,1,1" }));
        RgbImage[] images =
        [
            VisionModels.Solid(5, 5, 255, 0, 0), VisionModels.Solid(5, 5, 0, 255, 0), VisionModels.Solid(5, 5, 0, 0, 255),
            VisionModels.Solid(5, 5, 0, 255, 0), VisionModels.Solid(5, 5, 255, 0, 0),
        ];

        await using var classifier = await VisionModels.Backend().LoadAsync(
            VisionModels.Entry(model, _models.Write("labels.json", System.Text.Json.JsonSerializer.Serialize(TwelveLabels))), CancellationToken.None);
        var answers = await classifier.ClassifyAsync(images, 1, CancellationToken.None);

        int[] expectedPlane = [0, 1, 2, 1, 0];
        Assert.Equal(5, answers.Count);
        for (int i = 0; i < 5; i++)
        {
            int value = int.Parse(answers[i][0].Label["value ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expectedPlane[i], value / 4);
        }
    }

    [Fact]
    public async Task A_model_with_an_open_input_size_takes_the_sidecars()
    {
        string model = _models.Write("means.onnx", TinyOnnx.PlaneMeans());
        _models.Write("means.preprocess.json", """{"input_size":32,"mean":[0,0,0],"std":[1,1,1]}""");

        var answer = await ClassifyAsync(model, VisionModels.Solid(50, 40, 0, 0, 255), ["red", "green", "blue"], top: 3);

        Assert.Equal("blue", answer[0].Label);
        Assert.Equal(Math.E / (Math.E + 2), answer[0].Probability, 1e-5);
    }

    [Theory]
    [InlineData(3_000_000, 1)]
    [InlineData(1, 3_000_000)]
    [InlineData(1, 1)]
    public async Task Extreme_shapes_are_resized_and_cropped_without_fault(int width, int height)
    {
        // Resized to 1024 on its short side, a 3,000,000-pixel strip is 3 billion pixels long: more than an int holds.
        string model = _models.Write("means.onnx", TinyOnnx.PlaneMeans());
        _models.Write("means.preprocess.json", """{"input_size":8,"resize":1024,"mean":[0,0,0],"std":[1,1,1]}""");

        var answer = await ClassifyAsync(model, VisionModels.Solid(width, height, 0, 255, 0), ["red", "green", "blue"], top: 3);

        Assert.Equal("green", answer[0].Label);
        Assert.Equal(Math.E / (Math.E + 2), answer[0].Probability, 1e-5);
    }

    [Theory]
    [InlineData("""{"input_size":300}""")]
    [InlineData("""{"resize":100}""")]
    [InlineData("""{"std":[0.2,0,0.2]}""")]
    [InlineData("""{"mean":[0.5,0.5]}""")]
    [InlineData("""{"channel_order":"gbr"}""")]
    [InlineData("""{"output":"scores"}""")]
    [InlineData("""{"colour":"rgb"}""")]
    [InlineData("""{"mean":""")]
    [InlineData("""[224]""")]
    public async Task A_sidecar_that_cannot_be_honoured_makes_the_model_invalid(string sidecar)
    {
        string model = CopyMobileNet("mobilenet.onnx");
        _models.Write("mobilenet.preprocess.json", sidecar);

        var e = await Assert.ThrowsAsync<EngineException>(
            () => VisionModels.Backend().LoadAsync(VisionModels.Entry(model, TestMedia.ImageNetLabels), CancellationToken.None));

        Assert.Equal(ErrorKind.ModelInvalid, e.Kind);
    }

    public void Dispose() => _models.Dispose();

    private string CopyMobileNet(string name, IReadOnlyDictionary<string, string>? metadata = null) =>
        _models.Write(name, [.. File.ReadAllBytes(TestMedia.MobileNet), .. TinyOnnx.MetadataProps(metadata)]);

    private async Task<IReadOnlyList<LabelScore>> ClassifyAsync(string model, RgbImage image, string[]? labels = null, int top = 5)
    {
        string labelsPath = labels is null
            ? TestMedia.ImageNetLabels
            : _models.Write(Path.GetFileNameWithoutExtension(model) + ".labels.json", System.Text.Json.JsonSerializer.Serialize(labels));
        await using var classifier = await VisionModels.Backend().LoadAsync(VisionModels.Entry(model, labelsPath), CancellationToken.None);
        return (await classifier.ClassifyAsync([image], top, CancellationToken.None))[0];
    }
}
