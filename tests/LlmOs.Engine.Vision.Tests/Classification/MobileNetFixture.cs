namespace LlmOs.Engine.Vision.Tests.Classification;

/// <summary>The real MobileNetV2 with its ImageNet labels, loaded once for a test class.</summary>
public sealed class MobileNetFixture : IAsyncLifetime
{
    private OnnxImageClassifier? _classifier;

    public OnnxImageClassifier Classifier => _classifier ?? throw new InvalidOperationException("not loaded");

    public async Task InitializeAsync() =>
        _classifier = (OnnxImageClassifier)await VisionModels.Backend().LoadAsync(VisionModels.MobileNet(), CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_classifier is not null)
        {
            await _classifier.DisposeAsync();
        }
    }

    public async Task<IReadOnlyList<LabelScore>> ClassifyOneAsync(RgbImage image, int top = 5) =>
        (await Classifier.ClassifyAsync([image], top, CancellationToken.None))[0];
}
