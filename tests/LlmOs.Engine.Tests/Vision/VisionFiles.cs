namespace LlmOs.Engine.Tests.Vision;

/// <summary>The real image classifier of the shared test models and its labels (the registry reads the labels; the fakes run the model).</summary>
internal static class VisionFiles
{
    /// <summary>MobileNetV2 (ONNX model zoo, int8), 1,000 ImageNet classes.</summary>
    public static string MobileNet => Path.Combine(TestModels.Directory, "mobilenetv2-12-int8.onnx");

    /// <summary>The 1,000 ImageNet labels as a JSON array of strings.</summary>
    public static string ImageNetLabels => Path.Combine(TestModels.Directory, "imagenet-simple-labels.json");
}
