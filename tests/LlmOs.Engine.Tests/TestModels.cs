namespace LlmOs.Engine.Tests;

/// <summary>Finds the shared test models: LLMOS_TEST_MODELS, else ../shared/models beside the repository root.</summary>
internal static class TestModels
{
    private static readonly Lazy<string> Folder = new(FindModelsFolder);

    public static string Directory => Folder.Value;

    /// <summary>A real 260K-parameter llama model, GGUF v3, F32 (see the models folder's README.md).</summary>
    public static string Stories260K => Path.Combine(Directory, "stories260K.gguf");

    public static string RepoRoot()
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

    private static string FindModelsFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS");
        string folder = string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "models"))
            : Path.GetFullPath(configured);
        if (!File.Exists(Path.Combine(folder, "stories260K.gguf")))
        {
            throw new InvalidOperationException($"the test models are not in {folder}; set LLMOS_TEST_MODELS");
        }

        return folder;
    }
}
