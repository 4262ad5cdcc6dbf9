namespace LlmOs.Engine.Speech.Tests.Infrastructure;

/// <summary>The shared test models and recordings: LLMOS_TEST_MODELS, else ../shared/models beside the repository root.</summary>
internal static class TestMedia
{
    private static readonly Lazy<string> Folder = new(FindModelsFolder);

    public static string Directory => Folder.Value;

    /// <summary>JFK's "ask not" sentence: 11 s, 16 kHz mono 16-bit WAV.</summary>
    public static string Jfk => Path.Combine(Directory, "jfk.wav");

    /// <summary>A ggml Whisper tiny.en with no trained weights: it loads and runs, and transcribes nothing.</summary>
    public static string WhisperTestModel => Path.Combine(Directory, "for-tests-ggml-tiny.en.bin");

    private static string FindModelsFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS");
        string folder = string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "models"))
            : Path.GetFullPath(configured);
        if (!File.Exists(Path.Combine(folder, "jfk.wav")))
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
