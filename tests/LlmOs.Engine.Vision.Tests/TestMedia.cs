namespace LlmOs.Engine.Vision.Tests;

/// <summary>The shared test models and photos: LLMOS_TEST_MODELS, else ../shared/models beside the repository root.</summary>
internal static class TestMedia
{
    private static readonly Lazy<string> Folder = new(FindModelsFolder);

    public static string Directory => Folder.Value;

    /// <summary>MobileNetV2 (ImageNet-1k, int8): input [N,3,224,224], output [N,1000] logits.</summary>
    public static string MobileNet => Path.Combine(Directory, "mobilenetv2-12-int8.onnx");

    /// <summary>The 1,000 ImageNet labels, a JSON array in output order.</summary>
    public static string ImageNetLabels => Path.Combine(Directory, "imagenet-simple-labels.json");

    public static string Photo(string name) => Path.Combine(Directory, "photos", name);

    private static string FindModelsFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS");
        string folder = string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "models"))
            : Path.GetFullPath(configured);
        if (!File.Exists(Path.Combine(folder, "mobilenetv2-12-int8.onnx")))
        {
            throw new InvalidOperationException($"the test models are not in {folder}; set LLMOS_TEST_MODELS");
        }

        return folder;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "llmosd.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no llmosd.sln above {AppContext.BaseDirectory}");
    }
}
