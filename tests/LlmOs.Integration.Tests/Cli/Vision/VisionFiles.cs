using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>The real image classifier, its labels and the photos in the shared test models, and test images made on the spot.</summary>
internal static class VisionFiles
{
    /// <summary>The name the daemon gives the classifier dropped in its models folder: the file's stem.</summary>
    public const string ModelName = "mobilenetv2-12-int8";

    public static string MobileNet => Path.Combine(TestPaths.Models, ModelName + ".onnx");

    public static string Labels => Path.Combine(TestPaths.Models, "imagenet-simple-labels.json");

    public static string Photo(string name) => Path.Combine(TestPaths.Models, "photos", name);

    /// <summary>Puts the classifier in a daemon's models folder as <c>&lt;stem&gt;.onnx</c> with <c>&lt;stem&gt;.labels.json</c> beside it.</summary>
    public static void DropIntoModels(string modelsDir)
    {
        Directory.CreateDirectory(modelsDir);
        File.Copy(MobileNet, Path.Combine(modelsDir, ModelName + ".onnx"));
        File.Copy(Labels, Path.Combine(modelsDir, ModelName + ".labels.json"));
    }

    /// <summary>Bytes that are no image, in a file named like one.</summary>
    public static async Task<string> RandomBytesAsync(TempDir dir, string name = "noise.jpg")
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        string path = dir.File(name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }
}
