using System.Reflection;

namespace LlmOs.Bench;

/// <summary>Where the repository, the built daemon and the test model are.</summary>
public static class BenchPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The configuration this benchmark was built in (Release or Debug).</summary>
    public static string Configuration { get; } =
        typeof(BenchPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Release";

    /// <summary>llmosd.dll of the same configuration (the ProjectReference builds it first).</summary>
    public static string Llmosd()
    {
        string path = Path.Combine(RepoRoot, "src", "Daemon", "llmosd", "bin", Configuration, "net10.0", "llmosd.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"llmosd.dll is not built at {path}; build with 'dotnet build -c {Configuration} bench/LlmOs.Bench'");
    }

    /// <summary>The model: --model, else $LLMOS_TEST_MODELS/stories260K.gguf, else ../shared/models/stories260K.gguf beside the repository.</summary>
    public static string Model(string? option)
    {
        string path = option
            ?? Path.Combine(
                Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS") is { Length: > 0 } dir ? dir : Path.Combine(RepoRoot, "..", "shared", "models"),
                "stories260K.gguf");
        path = Path.GetFullPath(path);
        return File.Exists(path) ? path : throw new FileNotFoundException($"no model at {path} (use --model PATH)");
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

        throw new InvalidOperationException($"cannot find the repository root (the folder holding llmosd.sln) above {AppContext.BaseDirectory}");
    }
}
