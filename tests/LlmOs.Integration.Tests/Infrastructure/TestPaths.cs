namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>Where the built programs and the shared test models are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The test models: $LLMOS_TEST_MODELS, else ../shared/models beside the repository.</summary>
    public static string Models { get; } = Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS") is { Length: > 0 } dir
        ? dir
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "models"));

    public static string Stories => Path.Combine(Models, "stories260K.gguf");

    public static string Llmosd => Program("src/Daemon/llmosd", "llmosd.dll");

    public static string Llmosctl => Program("src/Client/llmosctl", "llmosctl.dll");

    private static string Program(string project, string dll)
    {
        // Same configuration as this test assembly (bin/<Configuration>/net10.0/).
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string path = Path.Combine(RepoRoot, project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built at {path}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "llmosd.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (llmosd.sln)");
    }
}
